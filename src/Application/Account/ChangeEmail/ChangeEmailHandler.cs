using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using Mediator;

namespace DoubleDibz.Application.Account.ChangeEmail;

/// <returns>The new address, as the user wrote it (trimmed), for the answer's message.</returns>
public sealed class ChangeEmailHandler(IUserRepository users, PasswordCheck passwordCheck, AccountMail mail, IAuditLog audit)
    : ICommandHandler<ChangeEmailCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(ChangeEmailCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.SignedIn().UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.NotAuthorized; // deleted a moment ago
        }

        var checkedPassword = await passwordCheck.VerifyAsync(user, command.Password!, cancellationToken);
        if (!checkedPassword.IsSuccess)
        {
            return checkedPassword.Error;
        }

        // The user's own address counts as taken too: there is nothing to change.
        var newEmail = EmailAddress.Create(command.Email).Value;
        if (await users.EmailExistsAsync(newEmail, cancellationToken))
        {
            return UserErrors.EmailTaken;
        }

        mail.SendAddressChange(user, newEmail);
        audit.EmailChangeRequested(user.Id);
        return newEmail.Value;
    }
}
