using Microsoft.Extensions.Logging;

namespace DoubleDibz.Application.Common.Audit;

/// <summary>
/// Security events as structured entries in the <c>DoubleDibz.Audit</c> log category, each with a stable event id.
/// They carry the user id when there is one; the host adds the client address and correlation id as log scope.
/// Never a login name as typed, a password, hash, session id or token.
/// </summary>
public sealed partial class AuditLog(ILoggerFactory loggerFactory)
{
    public const string Category = "DoubleDibz.Audit";

    private readonly ILogger _logger = loggerFactory.CreateLogger(Category);

    [LoggerMessage(EventId = 1001, EventName = "SignedUp", Level = LogLevel.Information, Message = "Audit: user {UserId} signed up")]
    public partial void SignedUp(int userId);

    [LoggerMessage(EventId = 1002, EventName = "LoggedIn", Level = LogLevel.Information, Message = "Audit: user {UserId} logged in")]
    public partial void LoggedIn(int userId);

    [LoggerMessage(EventId = 1003, EventName = "LoginFailed", Level = LogLevel.Warning, Message = "Audit: login failed ({Reason}) for user {UserId}")]
    public partial void LoginFailed(LoginFailureReason reason, int? userId);

    [LoggerMessage(EventId = 1004, EventName = "LoginBackoffStarted", Level = LogLevel.Warning, Message = "Audit: login back-off of {BackoffSeconds} s started for user {UserId}")]
    public partial void BackoffStarted(int? userId, double backoffSeconds);

    [LoggerMessage(EventId = 1005, EventName = "LoggedOut", Level = LogLevel.Information, Message = "Audit: user {UserId} logged out")]
    public partial void LoggedOut(int userId);

    [LoggerMessage(EventId = 1006, EventName = "CsrfRejected", Level = LogLevel.Warning, Message = "Audit: CSRF check refused {Method} {Path}")]
    public partial void CsrfRejected(string method, string path);

    [LoggerMessage(EventId = 1007, EventName = "RateLimited", Level = LogLevel.Warning, Message = "Audit: client rate limit refused {Method} {Path}")]
    public partial void RateLimited(string method, string path);
}

public enum LoginFailureReason
{
    /// <summary>No account has that user name or e-mail.</summary>
    UnknownLogin,
    WrongPassword,

    /// <summary>The account (or unknown login) is in back-off; the password was not checked.</summary>
    BackedOff,
}
