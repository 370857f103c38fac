using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Admin.SendPasswordReset;

public sealed class SendPasswordResetHandler(IUserRepository users, AccountMail mail, IAuditLog audit)
    : ICommandHandler<SendPasswordResetCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(SendPasswordResetCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByLoginAsync(command.User!.Trim(), cancellationToken);
        if (user is null)
        {
            return Error.NotFound($"There is no user '{command.User.Trim()}'.");
        }

        mail.SendPasswordReset(user);
        audit.PasswordResetSentByAdmin(user.Id);
        return user.Email.Value;
    }
}
