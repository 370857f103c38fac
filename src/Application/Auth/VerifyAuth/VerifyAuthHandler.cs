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
        if (query.Requester is null)
        {
            return AuthErrors.NotAuthorized;
        }

        // The session may outlive its user (an account removed by an admin): that is not signed in either.
        var user = await users.FindByIdAsync(query.Requester.UserId, cancellationToken);
        return user is null ? AuthErrors.NotAuthorized : mapper.Map<UserDto>(user);
    }
}
