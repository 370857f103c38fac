using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Auth.Logout;

public sealed class LogoutHandler(ISessionStore sessions, IAuditLog audit) : ICommandHandler<LogoutCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        if (command.Requester is null)
        {
            return AuthErrors.NotAuthorized;
        }

        await sessions.RevokeAsync(command.Requester, cancellationToken);
        audit.LoggedOut(command.Requester.UserId);
        return Unit.Value;
    }
}
