using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Auth.Logout;

public sealed class LogoutHandler(ISessionStore sessions, IAuditLog audit) : ICommandHandler<LogoutCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        var requester = command.SignedIn();
        await sessions.EndAsync(requester.UserId, requester.SessionId, cancellationToken);
        audit.LoggedOut(requester.UserId);
        return Unit.Value;
    }
}
