using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.ListSessions;

/// <summary>"Where you're signed in": the requester's live sessions, newest first.</summary>
public sealed record ListSessionsQuery(CurrentSession? Requester) : IQuery<Result<SessionList>>, IAuthenticatedRequest;

public sealed record SessionList(IReadOnlyList<SessionDto> Sessions);

/// <summary>
/// One session as its owner sees it. Times are UTC. <see cref="Id"/> is the session's public id (never its cookie);
/// <see cref="Current"/> marks the session the request came with.
/// </summary>
public sealed record SessionDto(
    Guid Id,
    DateTime CreatedAt,
    DateTime LastSeenAt,
    DateTime ExpiresAt,
    bool RememberMe,
    string? UserAgent,
    string? Ip,
    bool Current);
