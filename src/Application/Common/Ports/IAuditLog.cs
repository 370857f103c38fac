using DoubleDibz.Application.Common.Audit;

namespace DoubleDibz.Application.Common.Ports;

/// <summary>
/// The security audit trail, and the counters that go with it: what a use case records about what happened.
/// Implemented by <see cref="AuditLog"/> (structured log entries with stable event ids, and <see cref="AuthMetrics"/>);
/// a port so that a handler's unit test can see exactly which events it records.
/// </summary>
public interface IAuditLog
{
    void SignedUp(int userId);

    void LoggedIn(int userId);

    void LoginFailed(LoginFailureReason reason, int? userId);

    void BackoffStarted(int? userId, double backoffSeconds);

    void LoggedOut(int userId);

    /// <param name="client">The client's address as the rate limits key it (an IPv6 client by its /64).</param>
    void RateLimited(string method, string path, string client);

    /// <param name="client">The client's address as the rate limits key it (an IPv6 client by its /64).</param>
    void CsrfRejected(string method, string path, string client);

    void UserCreated(int userId, string role);

    void SessionsRevoked(int userId, int count);

    void DataWiped(int users);

    /// <param name="otherSessionsEnded">The user's other sessions that the change signed out.</param>
    void PasswordChanged(int userId, int otherSessionsEnded);

    /// <summary>The user signed out one of their other sessions (their own is <see cref="LoggedOut"/>).</summary>
    void SessionEnded(int userId);

    void OtherSessionsEnded(int userId, int count);

    void ProfileUpdated(int userId);

    void AccountDeleted(int userId);
}
