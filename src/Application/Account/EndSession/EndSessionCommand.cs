using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.EndSession;

/// <summary>
/// Sign out one of the requester's sessions by its public id (null: the id was not even well-formed). Ending the
/// requester's own session is a logout.
/// </summary>
public sealed record EndSessionCommand(Guid? SessionId, CurrentSession? Requester) : ICommand<Result<SessionEnded>>, IAuthenticatedRequest;

/// <param name="WasCurrent">The session ended was the one the request came with: the caller is signed out.</param>
public sealed record SessionEnded(bool WasCurrent);
