using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Auth.VerifyAuth;

/// <summary>"Am I signed in?": the requester's user, or Unauthorized.</summary>
public sealed record VerifyAuthQuery(CurrentSession? Requester) : IQuery<Result<UserDto>>, IAuthenticatedRequest;
