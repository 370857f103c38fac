using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.UpdateProfile;

/// <summary>Change the requester's first and/or last name; a field left out (null) stays as it is.</summary>
public sealed record UpdateProfileCommand(string? FirstName, string? LastName, CurrentSession? Requester)
    : ICommand<Result<UserDto>>, IAuthenticatedRequest;
