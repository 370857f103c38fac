using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.ResendConfirmation;

public sealed class ResendConfirmationHandler(IUserRepository users, MailThrottle throttle, AccountMail mail, IAuditLog audit)
    : ICommandHandler<ResendConfirmationCommand, Result<ResendOutcome>>
{
    public async ValueTask<Result<ResendOutcome>> Handle(ResendConfirmationCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.SignedIn().UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.NotAuthorized; // deleted a moment ago
        }

        if (user.IsEmailConfirmed)
        {
            return ResendOutcome.AlreadyConfirmed;
        }

        if (await throttle.TryAdmitAsync(MailThrottle.ForUser(user.Id), cancellationToken) is { } wait)
        {
            audit.MailLimited(user.Id);
            return MailThrottle.TooMany(wait);
        }

        mail.SendConfirmation(user);
        audit.ConfirmationSent(user.Id);
        return ResendOutcome.Sent;
    }
}
