using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using MapsterMapper;
using Mediator;

namespace DoubleDibz.Application.Admin.ListUsers;

public sealed class ListUsersHandler(IUserRepository users, IMapper mapper) : IQueryHandler<ListUsersQuery, Result<UserList>>
{
    public async ValueTask<Result<UserList>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var page = await users.ListAsync(query.Limit, cancellationToken);
        return new UserList(page.Select(mapper.Map<UserDto>).ToList(), await users.CountAsync(cancellationToken));
    }
}
