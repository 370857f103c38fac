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

    [Test]
    public async Task Create_user_records_UserCreated_with_the_id_and_role_and_nothing_else()
    {
        _users.Setup(u => u.Add(It.IsAny<User>())).Callback<User>(u => typeof(User).GetProperty(nameof(User.Id))!.SetValue(u, 42));

        await _handler.Handle(Command() with { Role = "staff" }, CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.UserCreated(42, "staff") }));
    }

    [Test]
    public async Task Create_user_with_a_taken_name_returns_UserNameTaken_and_records_nothing()
    {
        _users.Setup(u => u.UserNameExistsAsync(It.IsAny<UserName>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(UserErrors.UserNameTaken));
        Assert.That(_audit.Events, Is.Empty);
    }

    [Test]
    public async Task Create_user_with_an_empty_password_generates_one()
    {
        var result = await _handler.Handle(Command() with { Password = "" }, CancellationToken.None);

        Assert.That(result.Value.GeneratedPassword, Has.Length.EqualTo(20));
    }

    [Test]
    public async Task Create_user_with_a_password_hashes_that_password()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        _hasher.Verify(h => h.HashAsync("correct horse battery", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_generated_password_uses_only_letters_and_digits_that_cannot_be_mistaken_for_one_another()
    {
        var result = await _handler.Handle(Command() with { Password = null }, CancellationToken.None);

        Assert.That(result.Value.GeneratedPassword, Does.Match("^[a-km-zA-HJ-NP-Z2-9]{20}$"));
    }

    [Test]
    public async Task Two_generated_passwords_differ()
    {
        var first = await _handler.Handle(Command() with { Password = null }, CancellationToken.None);
        var second = await _handler.Handle(Command() with { Password = null }, CancellationToken.None);

        Assert.That(first.Value.GeneratedPassword, Is.Not.EqualTo(second.Value.GeneratedPassword));
    }

    [Test]
    public void The_command_prints_its_user_name_email_and_role_and_redacts_the_password()
    {
        var text = Command().ToString();

        Assert.That(text, Is.EqualTo("CreateUserCommand { UserName = boss, Email = boss@example.com, Role = user, Password = [redacted] }"));
    }

    [Test]
    public void The_result_prints_the_user_and_redacts_the_generated_password()
    {
        var user = A.Mapper().Map<UserDto>(A.User());

        var text = new CreatedUser(user, "s3cret-generated").ToString();

        Assert.That(text, Is.EqualTo($"CreatedUser {{ User = {user}, GeneratedPassword = [redacted] }}"));
    }
}
