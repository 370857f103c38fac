using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.DeleteAccount;

public sealed class DeleteAccountHandler(IUserRepository users, PasswordCheck passwordCheck, ISessionStore sessions, IAuditLog audit)
    : ICommandHandler<DeleteAccountCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.SignedIn().UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.NotAuthorized; // deleted a moment ago, by a parallel request
        }

        var checkedPassword = await passwordCheck.VerifyAsync(user, command.Password!, cancellationToken);
        if (!checkedPassword.IsSuccess)
        {
            return checkedPassword.Error;
        }

        await sessions.EndAllAsync(user.Id, except: null, cancellationToken);
        users.Remove(user);
        audit.AccountDeleted(user.Id);
        return Unit.Value;
    }
}
