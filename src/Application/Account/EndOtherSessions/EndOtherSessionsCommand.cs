using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.EndOtherSessions;

/// <summary>Sign out everywhere else: every session of the requester's account but the one the request came with.</summary>
public sealed record EndOtherSessionsCommand(CurrentSession? Requester) : ICommand<Result<OtherSessionsEnded>>, IAuthenticatedRequest;

public sealed record OtherSessionsEnded(int Revoked);
