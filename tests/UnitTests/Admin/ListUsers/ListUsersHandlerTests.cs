using DoubleDibz.Application.Admin.ListUsers;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Admin.ListUsers;

public class ListUsersHandlerTests
{
    private readonly Mock<IUserRepository> _users = new();

    [Test]
    public async Task List_users_returns_the_page_asked_for_as_users_and_the_total_count()
    {
        var sam = A.User();
        var kim = A.User("kimlee", "kim@example.com", id: 2);
        _users.Setup(u => u.ListAsync(2, It.IsAny<CancellationToken>())).ReturnsAsync(new List<User> { sam, kim });
        _users.Setup(u => u.CountAsync(It.IsAny<CancellationToken>())).ReturnsAsync(5);

        var result = await new ListUsersHandler(_users.Object, A.Mapper()).Handle(new ListUsersQuery(2), CancellationToken.None);

        Assert.That(result.Value.Users, Is.EqualTo(new[] { A.Mapper().Map<UserDto>(sam), A.Mapper().Map<UserDto>(kim) }));
        Assert.That(result.Value.Total, Is.EqualTo(5));
    }
}
