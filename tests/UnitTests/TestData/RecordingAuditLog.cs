using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;

namespace DoubleDibz.UnitTests.TestData;

/// <summary>
/// An <see cref="IAuditLog"/> that keeps every event, in order, so a handler test can assert what was recorded:
/// <c>Assert.That(audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoggedOut(1) }))</c>.
/// </summary>
public sealed class RecordingAuditLog : IAuditLog
{
    public List<AuditEvent> Events { get; } = [];

    public void SignedUp(int userId) => Events.Add(new AuditEvent.SignedUp(userId));

    public void LoggedIn(int userId) => Events.Add(new AuditEvent.LoggedIn(userId));

    public void LoginFailed(LoginFailureReason reason, int? userId) => Events.Add(new AuditEvent.LoginFailed(reason, userId));

    public void BackoffStarted(int? userId, double backoffSeconds) => Events.Add(new AuditEvent.BackoffStarted(userId, backoffSeconds));

    public void LoggedOut(int userId) => Events.Add(new AuditEvent.LoggedOut(userId));

    public void RateLimited(string method, string path, string client) => Events.Add(new AuditEvent.RateLimited(method, path, client));

    public void CsrfRejected(string method, string path, string client) => Events.Add(new AuditEvent.CsrfRejected(method, path, client));

    public void UserCreated(int userId, string role) => Events.Add(new AuditEvent.UserCreated(userId, role));

    public void SessionsRevoked(int userId, int count) => Events.Add(new AuditEvent.SessionsRevoked(userId, count));

    public void DataWiped(int users) => Events.Add(new AuditEvent.DataWiped(users));

    public void PasswordChanged(int userId, int otherSessionsEnded) => Events.Add(new AuditEvent.PasswordChanged(userId, otherSessionsEnded));

    public void SessionEnded(int userId) => Events.Add(new AuditEvent.SessionEnded(userId));

    public void OtherSessionsEnded(int userId, int count) => Events.Add(new AuditEvent.OtherSessionsEnded(userId, count));

    public void ProfileUpdated(int userId) => Events.Add(new AuditEvent.ProfileUpdated(userId));

    public void AccountDeleted(int userId) => Events.Add(new AuditEvent.AccountDeleted(userId));

    // Two-factor sign-in (issue 14).

    public void TwoFactorSetUp(int userId) => Events.Add(new AuditEvent.TwoFactorSetUp(userId));

    public void TwoFactorEnabled(int userId) => Events.Add(new AuditEvent.TwoFactorEnabled(userId));

    public void TwoFactorDisabled(int userId, bool byAdmin) => Events.Add(new AuditEvent.TwoFactorDisabled(userId, byAdmin));

    public void RecoveryCodesReplaced(int userId) => Events.Add(new AuditEvent.RecoveryCodesReplaced(userId));

    public void SecondFactorRequested(int userId) => Events.Add(new AuditEvent.SecondFactorRequested(userId));

    public void SecondFactorFailed(int userId, SecondFactorFailureReason reason) => Events.Add(new AuditEvent.SecondFactorFailed(userId, reason));

    public void RecoveryCodeUsed(int userId, int remaining) => Events.Add(new AuditEvent.RecoveryCodeUsed(userId, remaining));

    public void PendingSignInEnded(int userId) => Events.Add(new AuditEvent.PendingSignInEnded(userId));
    public void ConfirmationSent(int userId) => Events.Add(new AuditEvent.ConfirmationSent(userId));

    public void EmailConfirmed(int userId) => Events.Add(new AuditEvent.EmailConfirmed(userId));

    public void PasswordResetRequested(int? userId) => Events.Add(new AuditEvent.PasswordResetRequested(userId));

    public void PasswordReset(int userId, int sessionsEnded) => Events.Add(new AuditEvent.PasswordReset(userId, sessionsEnded));

    public void EmailChangeRequested(int userId) => Events.Add(new AuditEvent.EmailChangeRequested(userId));

    public void EmailChanged(int userId) => Events.Add(new AuditEvent.EmailChanged(userId));

    public void PasswordResetSentByAdmin(int userId) => Events.Add(new AuditEvent.PasswordResetSentByAdmin(userId));

    public void MailLimited(int? userId) => Events.Add(new AuditEvent.MailLimited(userId));
}

/// <summary>One call on <see cref="IAuditLog"/>, as <see cref="RecordingAuditLog"/> keeps it.</summary>
public abstract record AuditEvent
{
    public sealed record SignedUp(int UserId) : AuditEvent;

    public sealed record LoggedIn(int UserId) : AuditEvent;

    public sealed record LoginFailed(LoginFailureReason Reason, int? UserId) : AuditEvent;

    public sealed record BackoffStarted(int? UserId, double BackoffSeconds) : AuditEvent;

    public sealed record LoggedOut(int UserId) : AuditEvent;

    public sealed record RateLimited(string Method, string Path, string Client) : AuditEvent;

    public sealed record CsrfRejected(string Method, string Path, string Client) : AuditEvent;

    public sealed record UserCreated(int UserId, string Role) : AuditEvent;

    public sealed record SessionsRevoked(int UserId, int Count) : AuditEvent;

    public sealed record DataWiped(int Users) : AuditEvent;

    public sealed record PasswordChanged(int UserId, int OthersEnded) : AuditEvent;

    public sealed record SessionEnded(int UserId) : AuditEvent;

    public sealed record OtherSessionsEnded(int UserId, int Count) : AuditEvent;

    public sealed record ProfileUpdated(int UserId) : AuditEvent;

    public sealed record AccountDeleted(int UserId) : AuditEvent;

    // Two-factor sign-in (issue 14).

    public sealed record TwoFactorSetUp(int UserId) : AuditEvent;

    public sealed record TwoFactorEnabled(int UserId) : AuditEvent;

    public sealed record TwoFactorDisabled(int UserId, bool ByAdmin) : AuditEvent;

    public sealed record RecoveryCodesReplaced(int UserId) : AuditEvent;

    public sealed record SecondFactorRequested(int UserId) : AuditEvent;

    public sealed record SecondFactorFailed(int UserId, SecondFactorFailureReason Reason) : AuditEvent;

    public sealed record RecoveryCodeUsed(int UserId, int Remaining) : AuditEvent;

    public sealed record PendingSignInEnded(int UserId) : AuditEvent;
    public sealed record ConfirmationSent(int UserId) : AuditEvent;

    public sealed record EmailConfirmed(int UserId) : AuditEvent;

    public sealed record PasswordResetRequested(int? UserId) : AuditEvent;

    public sealed record PasswordReset(int UserId, int SessionsEnded) : AuditEvent;

    public sealed record EmailChangeRequested(int UserId) : AuditEvent;

    public sealed record EmailChanged(int UserId) : AuditEvent;

    public sealed record PasswordResetSentByAdmin(int UserId) : AuditEvent;

    public sealed record MailLimited(int? UserId) : AuditEvent;
}
