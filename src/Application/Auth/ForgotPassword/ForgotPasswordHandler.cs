using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using Mediator;

namespace DoubleDibz.Application.Auth.ForgotPassword;

/// <summary>
/// Does the same work for a known and an unknown login, so neither the answer nor its time tells them apart: one
/// keyed hash, one counted request under the per-account limit (keyed on that hash, not on the account), one lookup;
/// no password is hashed, and the mail is only queued — the background sender delivers it later.
/// </summary>
public sealed class ForgotPasswordHandler(IUserRepository users, IKeyedHasher keyedHasher, MailThrottle throttle, AccountMail mail, IAuditLog audit)
    : ICommandHandler<ForgotPasswordCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        var login = command.Login!.Trim();
        var key = MailThrottle.ForLogin(await keyedHasher.HashAsync(UserName.Normalize(login), cancellationToken));
        if (await throttle.TryAdmitAsync(key, cancellationToken) is { } wait)
        {
            audit.MailLimited(userId: null);
            return MailThrottle.TooMany(wait);
        }

        var user = await users.FindByLoginAsync(login, cancellationToken);
        audit.PasswordResetRequested(user?.Id);
        if (user is not null)
        {
            mail.SendPasswordReset(user);
        }

        return Unit.Value;
    }
}
