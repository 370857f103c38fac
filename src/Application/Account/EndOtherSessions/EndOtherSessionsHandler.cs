using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.EndOtherSessions;

public sealed class EndOtherSessionsHandler(ISessionStore sessions, IAuditLog audit) : ICommandHandler<EndOtherSessionsCommand, Result<OtherSessionsEnded>>
{
    public async ValueTask<Result<OtherSessionsEnded>> Handle(EndOtherSessionsCommand command, CancellationToken cancellationToken)
    {
        var requester = command.SignedIn();
        var revoked = await sessions.EndAllAsync(requester.UserId, except: requester.SessionId, cancellationToken);
        audit.OtherSessionsEnded(requester.UserId, revoked);
        return new OtherSessionsEnded(revoked);
    }
}
