using Microsoft.Extensions.Logging;

namespace DoubleDibz.Application.Common.Audit;

/// <summary>
/// Security events as structured entries in the <c>DoubleDibz.Audit</c> log category, each with a stable event id.
/// They carry the user id when there is one; the host adds the client address and correlation id as log scope.
/// Never a login name as typed, a password, hash, session id or token. Each event is also counted in <see cref="AuthMetrics"/>.
/// </summary>
public sealed partial class AuditLog(ILoggerFactory loggerFactory, AuthMetrics metrics)
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
        metrics.Login(reason switch
        {
            LoginFailureReason.UnknownLogin => "unknown_login",
            LoginFailureReason.WrongPassword => "wrong_password",
            _ => "backed_off",
        });
        if (reason == LoginFailureReason.BackedOff)
        {
            metrics.Throttled("login_backoff");
        }

        LogLoginFailed(reason, userId);
    }

    public void RateLimited(string method, string path)
    {
        metrics.Throttled("rate_limit");
        LogRateLimited(method, path);
    }

    public void UserCreated(int userId, string role)
    {
        metrics.SignedUp();
        LogUserCreated(userId, role);
    }

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

    [LoggerMessage(EventId = 1006, EventName = "CsrfRejected", Level = LogLevel.Warning, Message = "Audit: CSRF check refused {Method} {Path}")]
    public partial void CsrfRejected(string method, string path);

    [LoggerMessage(EventId = 1008, EventName = "UserCreated", Level = LogLevel.Information, Message = "Audit: admin created user {UserId} with role {Role}")]
    private partial void LogUserCreated(int userId, string role);

    [LoggerMessage(EventId = 1009, EventName = "SessionsRevoked", Level = LogLevel.Warning, Message = "Audit: admin revoked {Count} sessions of user {UserId}")]
    public partial void SessionsRevoked(int userId, int count);

    [LoggerMessage(EventId = 1010, EventName = "DataWiped", Level = LogLevel.Warning, Message = "Audit: admin wiped {Users} users and their sessions")]
    public partial void DataWiped(int users);

    [LoggerMessage(EventId = 1007, EventName = "RateLimited", Level = LogLevel.Warning, Message = "Audit: client rate limit refused {Method} {Path}")]
    private partial void LogRateLimited(string method, string path);
}

public enum LoginFailureReason
{
    /// <summary>No account has that user name or e-mail.</summary>
    UnknownLogin,
    WrongPassword,

    /// <summary>The account (or unknown login) is in back-off; the password was not checked.</summary>
    BackedOff,
}
