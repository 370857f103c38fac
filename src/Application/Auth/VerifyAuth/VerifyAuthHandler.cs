using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using MapsterMapper;
using Mediator;

namespace DoubleDibz.Application.Auth.VerifyAuth;

public sealed class VerifyAuthHandler(IUserRepository users, IMapper mapper) : IQueryHandler<VerifyAuthQuery, Result<UserDto>>
{
    public async ValueTask<Result<UserDto>> Handle(VerifyAuthQuery query, CancellationToken cancellationToken)
    {
        // A session found a moment before its account was deleted is not signed in either.
        var user = await users.ReadByIdAsync(query.SignedIn().UserId, cancellationToken);
        return user is null ? AuthErrors.NotAuthorized : mapper.Map<UserDto>(user);
    }
}
