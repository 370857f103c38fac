using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.EndSession;

public sealed class EndSessionHandler(ISessionStore sessions, IAuditLog audit) : ICommandHandler<EndSessionCommand, Result<SessionEnded>>
{
    // Someone else's session and no session at all answer the same: ids are not confirmed to strangers.
    public static readonly Error NoSuchSession = Error.NotFound("There is no such session");

    public async ValueTask<Result<SessionEnded>> Handle(EndSessionCommand command, CancellationToken cancellationToken)
    {
        var requester = command.SignedIn();
        if (command.SessionId is not { } sessionId || !await sessions.EndAsync(requester.UserId, sessionId, cancellationToken))
        {
            return NoSuchSession;
        }

        var wasCurrent = sessionId == requester.SessionId;
        if (wasCurrent)
        {
            audit.LoggedOut(requester.UserId);
        }
        else
        {
            audit.SessionEnded(requester.UserId);
        }

        return new SessionEnded(wasCurrent);
    }
}
