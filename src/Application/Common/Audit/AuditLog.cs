using DoubleDibz.Application.Common.Ports;
using Microsoft.Extensions.Logging;

namespace DoubleDibz.Application.Common.Audit;

/// <summary>
/// Security events as structured entries in the <c>DoubleDibz.Audit</c> log category, each with a stable event id.
/// They carry the user id when there is one; the host adds the client address and correlation id as log scope.
/// Never a login name as typed, a password, hash, session id or token. Each event is also counted in <see cref="AuthMetrics"/>.
/// Refusals an attacker can repeat at will (CSRF, rate limit) are logged at most once per client and window, with
/// the number of refusals the line stands for (<see cref="RepeatedEventLimiter"/>); the metrics count every one.
/// </summary>
public sealed partial class AuditLog(ILoggerFactory loggerFactory, AuthMetrics metrics, RepeatedEventLimiter repeats) : IAuditLog
{
    public const string Category = "DoubleDibz.Audit";

    private readonly ILogger _logger = loggerFactory.CreateLogger(Category);

    public void SignedUp(int userId)
    {
        metrics.SignedUp();
        LogSignedUp(userId);
    }

    public void LoggedIn(int userId)
    {
        metrics.Login("success");
        LogLoggedIn(userId);
    }

    public void LoginFailed(LoginFailureReason reason, int? userId)
    {
        // One label for both: a scraper that could tell them apart would learn which logins exist, which the
        // equal body and equal timing of the two answers hide. The log keeps the reason.
        metrics.Login(reason == LoginFailureReason.BackedOff ? "backed_off" : "failure");
        if (reason == LoginFailureReason.BackedOff)
        {
            metrics.Throttled("login_backoff");
        }

        LogLoginFailed(reason, userId);
    }

    /// <param name="client">The client's address as the rate limits key it (an IPv6 client by its /64).</param>
    public void RateLimited(string method, string path, string client)
    {
        metrics.Throttled("rate_limit");
        if (repeats.ShouldLog(nameof(RateLimited), client, out var count))
        {
            LogRateLimited(method, path, count);
        }
    }

    /// <param name="client">The client's address as the rate limits key it (an IPv6 client by its /64).</param>
    public void CsrfRejected(string method, string path, string client)
    {
        if (repeats.ShouldLog(nameof(CsrfRejected), client, out var count))
        {
            LogCsrfRejected(method, path, count);
        }
    }

    public void UserCreated(int userId, string role)
    {
        metrics.SignedUp();
        LogUserCreated(userId, role);
    }

    public void TwoFactorEnabled(int userId)
    {
        metrics.TwoFactorEnabled();
        LogTwoFactorEnabled(userId);
    }

    public void TwoFactorDisabled(int userId, bool byAdmin)
    {
        metrics.TwoFactorDisabled(byAdmin);
        if (byAdmin)
        {
            LogTwoFactorDisabledByAdmin(userId);
        }
        else
        {
            LogTwoFactorDisabled(userId);
        }
    }

    public void SecondFactorFailed(int userId, SecondFactorFailureReason reason)
    {
        metrics.SecondFactorFailed(reason switch
        {
            SecondFactorFailureReason.WrongCode => "wrong_code",
            SecondFactorFailureReason.WrongRecoveryCode => "wrong_recovery_code",
            _ => "backed_off",
        });
        if (reason == SecondFactorFailureReason.BackedOff)
        {
            metrics.Throttled("login_backoff");
        }

        LogSecondFactorFailed(userId, reason);
    }

    public void RecoveryCodeUsed(int userId, int remaining)
    {
        metrics.RecoveryCodeUsed();
        LogRecoveryCodeUsed(userId, remaining);
    }

    [LoggerMessage(EventId = 1030, EventName = "TwoFactorSetUp", Level = LogLevel.Information, Message = "Audit: user {UserId} set up a new authenticator secret")]
    public partial void TwoFactorSetUp(int userId);

    [LoggerMessage(EventId = 1031, EventName = "TwoFactorEnabled", Level = LogLevel.Warning, Message = "Audit: user {UserId} turned two-factor sign-in on")]
    private partial void LogTwoFactorEnabled(int userId);

    [LoggerMessage(EventId = 1032, EventName = "TwoFactorDisabled", Level = LogLevel.Warning, Message = "Audit: user {UserId} turned two-factor sign-in off")]
    private partial void LogTwoFactorDisabled(int userId);

    [LoggerMessage(EventId = 1033, EventName = "TwoFactorDisabledByAdmin", Level = LogLevel.Warning, Message = "Audit: admin turned two-factor sign-in off for user {UserId}")]
    private partial void LogTwoFactorDisabledByAdmin(int userId);

    [LoggerMessage(EventId = 1034, EventName = "RecoveryCodesReplaced", Level = LogLevel.Warning, Message = "Audit: user {UserId} replaced their recovery codes")]
    public partial void RecoveryCodesReplaced(int userId);

    [LoggerMessage(EventId = 1035, EventName = "SecondFactorRequested", Level = LogLevel.Information, Message = "Audit: user {UserId} gave the right password; the second factor is due")]
    public partial void SecondFactorRequested(int userId);

    [LoggerMessage(EventId = 1036, EventName = "SecondFactorFailed", Level = LogLevel.Warning, Message = "Audit: second sign-in step failed ({Reason}) for user {UserId}")]
    private partial void LogSecondFactorFailed(int userId, SecondFactorFailureReason reason);

    [LoggerMessage(EventId = 1037, EventName = "RecoveryCodeUsed", Level = LogLevel.Warning, Message = "Audit: user {UserId} used a recovery code ({Remaining} left)")]
    private partial void LogRecoveryCodeUsed(int userId, int remaining);

    [LoggerMessage(EventId = 1038, EventName = "PendingSignInEnded", Level = LogLevel.Warning, Message = "Audit: a pending sign-in of user {UserId} ended after too many wrong codes")]
    public partial void PendingSignInEnded(int userId);

    [LoggerMessage(EventId = 1001, EventName = "SignedUp", Level = LogLevel.Information, Message = "Audit: user {UserId} signed up")]
    private partial void LogSignedUp(int userId);

    [LoggerMessage(EventId = 1002, EventName = "LoggedIn", Level = LogLevel.Information, Message = "Audit: user {UserId} logged in")]
    private partial void LogLoggedIn(int userId);

    [LoggerMessage(EventId = 1003, EventName = "LoginFailed", Level = LogLevel.Warning, Message = "Audit: login failed ({Reason}) for user {UserId}")]
    private partial void LogLoginFailed(LoginFailureReason reason, int? userId);

    [LoggerMessage(EventId = 1004, EventName = "LoginBackoffStarted", Level = LogLevel.Warning, Message = "Audit: login back-off of {BackoffSeconds} s started for user {UserId}")]
    public partial void BackoffStarted(int? userId, double backoffSeconds);

    [LoggerMessage(EventId = 1005, EventName = "LoggedOut", Level = LogLevel.Information, Message = "Audit: user {UserId} logged out")]
    public partial void LoggedOut(int userId);

    [LoggerMessage(EventId = 1006, EventName = "CsrfRejected", Level = LogLevel.Warning, Message = "Audit: CSRF check refused {Method} {Path} ({Count} refusals for this client since its last such line)")]
    private partial void LogCsrfRejected(string method, string path, int count);

    [LoggerMessage(EventId = 1008, EventName = "UserCreated", Level = LogLevel.Information, Message = "Audit: admin created user {UserId} with role {Role}")]
    private partial void LogUserCreated(int userId, string role);

    [LoggerMessage(EventId = 1009, EventName = "SessionsRevoked", Level = LogLevel.Warning, Message = "Audit: admin revoked {Count} sessions of user {UserId}")]
    public partial void SessionsRevoked(int userId, int count);

    [LoggerMessage(EventId = 1010, EventName = "DataWiped", Level = LogLevel.Warning, Message = "Audit: admin wiped {Users} users and their sessions")]
    public partial void DataWiped(int users);

    [LoggerMessage(EventId = 1011, EventName = "PasswordChanged", Level = LogLevel.Warning, Message = "Audit: user {UserId} changed their password, signing out {OtherSessionsEnded} other sessions")]
    public partial void PasswordChanged(int userId, int otherSessionsEnded);

    [LoggerMessage(EventId = 1012, EventName = "SessionEnded", Level = LogLevel.Information, Message = "Audit: user {UserId} signed out one of their other sessions")]
    public partial void SessionEnded(int userId);

    [LoggerMessage(EventId = 1013, EventName = "OtherSessionsEnded", Level = LogLevel.Information, Message = "Audit: user {UserId} signed out everywhere else ({Count} sessions)")]
    public partial void OtherSessionsEnded(int userId, int count);

    [LoggerMessage(EventId = 1014, EventName = "ProfileUpdated", Level = LogLevel.Information, Message = "Audit: user {UserId} updated their profile")]
    public partial void ProfileUpdated(int userId);

    [LoggerMessage(EventId = 1015, EventName = "AccountDeleted", Level = LogLevel.Warning, Message = "Audit: user {UserId} deleted their account")]
    public partial void AccountDeleted(int userId);

    // E-mail: confirmation, forgotten password, change of address (1020-1029).

    public void ConfirmationSent(int userId) => LogConfirmationSent(userId);

    public void EmailConfirmed(int userId) => LogEmailConfirmed(userId);

    public void PasswordResetRequested(int? userId)
    {
        metrics.PasswordReset("requested");
        LogPasswordResetRequested(userId);
    }

    public void PasswordReset(int userId, int sessionsEnded)
    {
        metrics.PasswordReset("completed");
        LogPasswordReset(userId, sessionsEnded);
    }

    public void EmailChangeRequested(int userId) => LogEmailChangeRequested(userId);

    public void EmailChanged(int userId) => LogEmailChanged(userId);

    public void PasswordResetSentByAdmin(int userId)
    {
        metrics.PasswordReset("requested");
        LogPasswordResetSentByAdmin(userId);
    }

    public void MailLimited(int? userId)
    {
        metrics.Throttled("mail_limit");
        LogMailLimited(userId);
    }

    [LoggerMessage(EventId = 1020, EventName = "ConfirmationSent", Level = LogLevel.Information, Message = "Audit: a new confirmation link was queued for user {UserId}")]
    private partial void LogConfirmationSent(int userId);

    [LoggerMessage(EventId = 1021, EventName = "EmailConfirmed", Level = LogLevel.Information, Message = "Audit: user {UserId} confirmed their e-mail address")]
    private partial void LogEmailConfirmed(int userId);

    [LoggerMessage(EventId = 1022, EventName = "PasswordResetRequested", Level = LogLevel.Information, Message = "Audit: password reset asked for user {UserId} (none when no account matched)")]
    private partial void LogPasswordResetRequested(int? userId);

    [LoggerMessage(EventId = 1023, EventName = "PasswordReset", Level = LogLevel.Warning, Message = "Audit: user {UserId} reset their password, ending {SessionsEnded} sessions")]
    private partial void LogPasswordReset(int userId, int sessionsEnded);

    [LoggerMessage(EventId = 1024, EventName = "EmailChangeRequested", Level = LogLevel.Warning, Message = "Audit: user {UserId} asked to change their e-mail address")]
    private partial void LogEmailChangeRequested(int userId);

    [LoggerMessage(EventId = 1025, EventName = "EmailChanged", Level = LogLevel.Warning, Message = "Audit: user {UserId} changed their e-mail address")]
    private partial void LogEmailChanged(int userId);

    [LoggerMessage(EventId = 1026, EventName = "PasswordResetSentByAdmin", Level = LogLevel.Warning, Message = "Audit: admin queued a password reset for user {UserId}")]
    private partial void LogPasswordResetSentByAdmin(int userId);

    [LoggerMessage(EventId = 1027, EventName = "MailLimited", Level = LogLevel.Warning, Message = "Audit: per-account mail limit refused a request for user {UserId} (none: a forgot-password login)")]
    private partial void LogMailLimited(int? userId);

    [LoggerMessage(EventId = 1007, EventName = "RateLimited", Level = LogLevel.Warning, Message = "Audit: client rate limit refused {Method} {Path} ({Count} refusals for this client since its last such line)")]
    private partial void LogRateLimited(string method, string path, int count);
}

public enum LoginFailureReason
{
    /// <summary>No account has that user name or e-mail.</summary>
    UnknownLogin,
    WrongPassword,

    /// <summary>The account (or unknown login) is in back-off; the password was not checked.</summary>
    BackedOff,

    /// <summary>The right password, but the address must be confirmed first (<c>Accounts:RequireConfirmedEmail</c>).</summary>
    EmailNotConfirmed,
}

/// <summary>Why a second sign-in step (or a code to turn two-factor off) was refused.</summary>
public enum SecondFactorFailureReason
{
    WrongCode,
    WrongRecoveryCode,

    /// <summary>The account is in back-off; the code was not checked.</summary>
    BackedOff,
}
