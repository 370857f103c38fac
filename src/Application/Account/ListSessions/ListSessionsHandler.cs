using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.ListSessions;

public sealed class ListSessionsHandler(ISessionStore sessions) : IQueryHandler<ListSessionsQuery, Result<SessionList>>
{
    public async ValueTask<Result<SessionList>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var requester = query.SignedIn();
        var live = await sessions.ListAsync(requester.UserId, cancellationToken);
        return new SessionList(live.Select(s => new SessionDto(
                s.Id,
                s.CreatedAt.UtcDateTime,
                s.LastSeenAt.UtcDateTime,
                s.ExpiresAt.UtcDateTime,
                s.Persistent,
                s.UserAgent,
                s.ClientAddress,
                Current: s.Id == requester.SessionId))
            .ToList());
    }
}
