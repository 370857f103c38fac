using DoubleDibz.Application.Auth.Signup;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Mediator;
using Moq;

namespace DoubleDibz.UnitTests.Auth.Signup;

public class SignupHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<IUnitOfWork> _unitOfWork = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private SignupHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _hasher.Setup(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(A.PasswordHash());
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Result<Unit>.Success(Unit.Value));
        _sessions.Setup(s => s.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(A.IssuedSession());
        var registration = new UserRegistration(_users.Object, _unitOfWork.Object, _hasher.Object, TimeProvider.System);
        _handler = new SignupHandler(registration, _sessions.Object, A.Mapper(), _audit, A.AccountMail(), A.AccountOptions());
    }

    [Test]
    public async Task Signup_creates_the_user_and_signs_them_in()
    {
        var result = await _handler.Handle(A.Signup(), CancellationToken.None);

        var signedUp = (SignupOutcome.SignedUp)result.Value;
        Assert.That(signedUp.User, Is.EqualTo(new UserDto(0, "spchuang", "test@gmail.com", "user", "Sam", "Chuang", EmailConfirmed: false, TwoFactorEnabled: false)));
        Assert.That(signedUp.Session, Is.EqualTo(A.IssuedSession()));
        _users.Verify(u => u.Add(It.Is<User>(x => x.UserName.Value == "spchuang")), Times.Once);
        _sessions.Verify(s => s.StartAsync(0, false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Signup_stores_a_hash_of_the_password_never_the_password()
    {
        User? added = null;
        _users.Setup(u => u.Add(It.IsAny<User>())).Callback<User>(u => added = u);

        await _handler.Handle(A.Signup(), CancellationToken.None);

        _hasher.Verify(h => h.HashAsync("correct horse battery", It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(added!.PasswordHash, Is.EqualTo(A.PasswordHash()).Using<PasswordHash>((x, y) => x.Encoded == y.Encoded));
    }

    [Test]
    public async Task Signup_with_a_taken_user_name_returns_UserNameTaken_and_creates_nothing()
    {
        _users.Setup(u => u.UserNameExistsAsync(UserName.Create("spchuang").Value, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await _handler.Handle(A.Signup(), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(UserErrors.UserNameTaken));
        _users.Verify(u => u.Add(It.IsAny<User>()), Times.Never);
        _hasher.Verify(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Signup_with_a_taken_email_returns_EmailTaken()
    {
        _users.Setup(u => u.EmailExistsAsync(It.IsAny<EmailAddress>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await _handler.Handle(A.Signup(), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(UserErrors.EmailTaken));
    }

    [Test]
    public async Task Signup_that_loses_a_race_for_the_name_returns_the_conflict_and_starts_no_session()
    {
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Result<Unit>.Failure(UserErrors.UserNameTaken));

        var result = await _handler.Handle(A.Signup(), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(UserErrors.UserNameTaken));
        _sessions.Verify(s => s.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Signup_from_a_signed_in_session_returns_AlreadySignedUp_and_creates_nothing()
    {
        var command = A.Signup() with { Requester = A.Session() };

        var result = await _handler.Handle(command, CancellationToken.None);

        Assert.That(result.Value, Is.TypeOf<SignupOutcome.AlreadySignedUp>());
        _users.Verify(u => u.Add(It.IsAny<User>()), Times.Never);
        _sessions.Verify(s => s.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void The_command_never_prints_its_password()
    {
        var text = A.Signup().ToString();

        Assert.That(text, Does.Not.Contain("correct horse battery"));
        Assert.That(text, Does.Contain("spchuang"));
    }

    [Test]
    public async Task Signup_records_SignedUp_for_the_new_user_and_nothing_else()
    {
        _users.Setup(u => u.Add(It.IsAny<User>())).Callback<User>(u => typeof(User).GetProperty(nameof(User.Id))!.SetValue(u, 42));

        await _handler.Handle(A.Signup(), CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.SignedUp(42) }));
    }

    [Test]
    public async Task Signup_that_is_refused_records_nothing()
    {
        _users.Setup(u => u.EmailExistsAsync(It.IsAny<EmailAddress>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await _handler.Handle(A.Signup(), CancellationToken.None);

        Assert.That(_audit.Events, Is.Empty);
    }

    [Test]
    public async Task Signup_from_a_signed_in_session_records_nothing()
    {
        await _handler.Handle(A.Signup() with { Requester = A.Session() }, CancellationToken.None);

        Assert.That(_audit.Events, Is.Empty);
    }

    [Test]
    public async Task Signup_stamps_the_account_with_the_clocks_time_and_the_user_role()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero));
        var handler = new SignupHandler(new UserRegistration(_users.Object, _unitOfWork.Object, _hasher.Object, clock), _sessions.Object, A.Mapper(), _audit, A.AccountMail(), A.AccountOptions());

        await handler.Handle(A.Signup(), CancellationToken.None);

        _users.Verify(u => u.Add(It.Is<User>(x => x.CreatedOn == clock.GetUtcNow() && x.Role == Role.User)), Times.Once);
    }

    [Test]
    public void The_command_prints_its_user_name_and_email_and_redacts_the_password_and_confirmation()
    {
        var text = A.Signup().ToString();

        Assert.That(text, Is.EqualTo("SignupCommand { UserName = spchuang, Email = test@gmail.com, Password = [redacted] }"));
    }
}
