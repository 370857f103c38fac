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

    // E-mail: confirmation, forgotten password, change of address (event ids 1020-1029). Never a token or a link.

    void ConfirmationSent(int userId);

    void EmailConfirmed(int userId);

    /// <param name="userId">The account the login named; null when none matched (nothing is sent then).</param>
    void PasswordResetRequested(int? userId);

    /// <param name="sessionsEnded">The user's sessions the reset ended.</param>
    void PasswordReset(int userId, int sessionsEnded);

    void EmailChangeRequested(int userId);

    void EmailChanged(int userId);

    void PasswordResetSentByAdmin(int userId);

    /// <summary>A request for a mail refused by the per-account mail limit; null user for forgot-password (keyed on the login).</summary>
    void MailLimited(int? userId);
}
