using DoubleDibz.Application.Admin.CreateUser;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Mediator;
using Moq;

namespace DoubleDibz.UnitTests.Admin.CreateUser;

public class CreateUserHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<IUnitOfWork> _unitOfWork = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private CreateUserHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _hasher.Setup(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(A.PasswordHash());
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Result<Unit>.Success(Unit.Value));
        _handler = new CreateUserHandler(new UserRegistration(_users.Object, _unitOfWork.Object, _hasher.Object, TimeProvider.System), A.Mapper(), _audit);
    }

    [Test]
    public async Task Create_user_gives_the_account_the_role_asked_for()
    {
        var result = await _handler.Handle(Command() with { Role = "Admin" }, CancellationToken.None);

        Assert.That(result.Value.User.Role, Is.EqualTo("admin"));
        _users.Verify(u => u.Add(It.Is<User>(x => x.Role == Role.Admin)), Times.Once);
    }

    [Test]
    public async Task Create_user_without_a_password_generates_one_and_hashes_it()
    {
        var result = await _handler.Handle(Command() with { Password = null }, CancellationToken.None);

        var generated = result.Value.GeneratedPassword;
        Assert.That(generated, Has.Length.EqualTo(20));
        _hasher.Verify(h => h.HashAsync(generated!, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Create_user_with_a_password_returns_no_generated_one()
    {
        var result = await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(result.Value.GeneratedPassword, Is.Null);
    }

    [Test]
    public void The_result_never_prints_the_generated_password() =>
        Assert.That(new CreatedUser(A.Mapper().Map<UserDto>(A.User()), "s3cret-generated").ToString(), Does.Not.Contain("s3cret-generated"));

    private static CreateUserCommand Command() => new("boss", "Big", "Boss", "boss@example.com", "correct horse battery", "user");
}
