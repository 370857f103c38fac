using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Auth.Logout;

/// <summary>End the requester's session on the server, so its cookie is worthless from now on.</summary>
public sealed record LogoutCommand(CurrentSession? Requester) : ICommand<Result<Unit>>, IAuthenticatedRequest;
