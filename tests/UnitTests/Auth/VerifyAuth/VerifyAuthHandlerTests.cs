using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.VerifyAuth;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Auth.VerifyAuth;

public class VerifyAuthHandlerTests
{
    private readonly Mock<IUserRepository> _users = new();
    private VerifyAuthHandler _handler = null!;

    [SetUp]
    public void SetUp() => _handler = new VerifyAuthHandler(_users.Object, A.Mapper());

    [Test]
    public async Task VerifyAuth_returns_the_signed_in_user()
    {
        _users.Setup(u => u.ReadByIdAsync(42, It.IsAny<CancellationToken>())).ReturnsAsync(A.User(id: 42));

        var result = await _handler.Handle(new VerifyAuthQuery(A.Session(userId: 42)), CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo(new UserDto(42, "spchuang", "test@gmail.com", "user", "Sam", "Chuang", EmailConfirmed: false, TwoFactorEnabled: false)));
    }

    [Test]
    public void VerifyAuth_is_an_authenticated_request()
    {
        Assert.That(new VerifyAuthQuery(null), Is.InstanceOf<IAuthenticatedRequest>());
    }

    [Test]
    public async Task VerifyAuth_for_a_session_whose_user_is_gone_returns_NotAuthorized()
    {
        var result = await _handler.Handle(new VerifyAuthQuery(A.Session(userId: 7)), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
    }
}
