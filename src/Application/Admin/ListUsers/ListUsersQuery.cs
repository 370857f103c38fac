using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Admin.ListUsers;

/// <summary>The first <see cref="Limit"/> accounts, oldest first, and how many there are in all.</summary>
public sealed record ListUsersQuery(int Limit) : IQuery<Result<UserList>>;

public sealed record UserList(IReadOnlyList<UserDto> Users, int Total);
