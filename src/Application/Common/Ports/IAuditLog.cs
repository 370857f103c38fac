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

    // Two-factor sign-in (issue 14), event ids 1030-1039.

    /// <summary>A new authenticator secret was set up (not yet enabled).</summary>
    void TwoFactorSetUp(int userId);

    void TwoFactorEnabled(int userId);

    /// <param name="byAdmin">Turned off by the admin command <c>disable-2fa</c> rather than by the user.</param>
    void TwoFactorDisabled(int userId, bool byAdmin);

    void RecoveryCodesReplaced(int userId);

    /// <summary>The right password of a two-factor account: a pending sign-in awaits its code.</summary>
    void SecondFactorRequested(int userId);

    void SecondFactorFailed(int userId, SecondFactorFailureReason reason);

    /// <param name="remaining">Unused recovery codes left.</param>
    void RecoveryCodeUsed(int userId, int remaining);

    /// <summary>A pending sign-in ended because its codes were used up.</summary>
    void PendingSignInEnded(int userId);
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
