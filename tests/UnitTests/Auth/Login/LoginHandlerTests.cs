using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Throttling;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Mediator;
using Moq;

namespace DoubleDibz.UnitTests.Auth.Login;

public class LoginHandlerTests
{
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<IUnitOfWork> _unitOfWork = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Mock<ILoginAttemptStore> _attempts = new();
    private readonly User _sam = A.User();
    private LoginHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _users.Setup(u => u.FindByLoginAsync("spchuang", It.IsAny<CancellationToken>())).ReturnsAsync(_sam);
        _hasher.Setup(h => h.VerifyAsync("correct horse battery", _sam.PasswordHash, It.IsAny<CancellationToken>()))
            .ReturnsAsync(PasswordVerification.Succeeded);
        _sessions.Setup(s => s.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(A.IssuedSession());
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Result<Unit>.Success(Unit.Value));
        _attempts.Setup(a => a.AddFailureAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(1);
        _handler = new LoginHandler(_users.Object, _unitOfWork.Object, _hasher.Object, _sessions.Object,
            A.LoginThrottle(_attempts.Object), A.AuditLog(), A.Mapper());
    }

    [Test]
    public async Task Login_with_the_right_password_starts_a_session_and_returns_the_user()
    {
        var result = await _handler.Handle(A.Login(), CancellationToken.None);

        var loggedIn = (LoginOutcome.LoggedIn)result.Value;
        Assert.That(loggedIn.User.UserName, Is.EqualTo("spchuang"));
        Assert.That(loggedIn.Session, Is.EqualTo(A.IssuedSession()));
        _sessions.Verify(s => s.StartAsync(_sam.Id, false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Login_with_remember_me_starts_a_persistent_session()
    {
        await _handler.Handle(A.Login() with { RememberMe = true }, CancellationToken.None);

        _sessions.Verify(s => s.StartAsync(_sam.Id, true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Login_with_wrong_password_returns_WrongAuthentication()
    {
        var result = await _handler.Handle(A.Login() with { Password = "not the password" }, CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidCredentials));
        _sessions.Verify(s => s.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Login_with_an_unknown_name_returns_the_same_error_as_a_wrong_password()
    {
        var result = await _handler.Handle(A.Login() with { Login = "nobody" }, CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidCredentials));
    }

    [Test]
    public async Task Login_with_an_unknown_name_still_verifies_a_password_so_it_takes_as_long()
    {
        await _handler.Handle(A.Login() with { Login = "nobody" }, CancellationToken.None);

        _hasher.Verify(h => h.VerifyAsync("correct horse battery", null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Login_with_a_hash_made_under_old_parameters_stores_a_new_hash()
    {
        var upgraded = A.PasswordHash(new Argon2Parameters(65536, 3, 1));
        _hasher.Setup(h => h.VerifyAsync("correct horse battery", _sam.PasswordHash, It.IsAny<CancellationToken>()))
            .ReturnsAsync(PasswordVerification.SucceededRehashNeeded);
        _hasher.Setup(h => h.HashAsync("correct horse battery", It.IsAny<CancellationToken>())).ReturnsAsync(upgraded);

        await _handler.Handle(A.Login(), CancellationToken.None);

        Assert.That(_sam.PasswordHash, Is.SameAs(upgraded));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Login_with_a_current_hash_writes_nothing_but_the_session()
    {
        await _handler.Handle(A.Login(), CancellationToken.None);

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Login_from_a_signed_in_session_returns_AlreadyLoggedIn_without_checking_a_password()
    {
        var result = await _handler.Handle(A.Login() with { Requester = A.Session() }, CancellationToken.None);

        Assert.That(result.Value, Is.TypeOf<LoginOutcome.AlreadyLoggedIn>());
        _hasher.Verify(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<PasswordHash?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void The_command_never_prints_its_password()
    {
        Assert.That(A.Login().ToString(), Does.Not.Contain("correct horse battery"));
    }

    [Test]
    public async Task Login_for_an_account_in_back_off_returns_TooManyAttempts_without_checking_the_password()
    {
        _attempts.Setup(a => a.FindLockedUntilAsync(LoginAttemptKey.ForUser(_sam.Id), It.IsAny<CancellationToken>()))
            .ReturnsAsync(DateTimeOffset.UtcNow.AddMinutes(1));

        var result = await _handler.Handle(A.Login(), CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.TooManyAttempts));
        Assert.That(result.Error.RetryAfter, Is.GreaterThan(TimeSpan.FromSeconds(50)).And.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));
        _hasher.Verify(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<PasswordHash?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Login_after_a_back_off_has_ended_checks_the_password_again()
    {
        _attempts.Setup(a => a.FindLockedUntilAsync(LoginAttemptKey.ForUser(_sam.Id), It.IsAny<CancellationToken>()))
            .ReturnsAsync(DateTimeOffset.UtcNow.AddSeconds(-1));

        var result = await _handler.Handle(A.Login(), CancellationToken.None);

        Assert.That(result.Value, Is.TypeOf<LoginOutcome.LoggedIn>());
    }

    [Test]
    public async Task Login_with_wrong_password_counts_a_failure_for_the_account()
    {
        await _handler.Handle(A.Login() with { Password = "not the password" }, CancellationToken.None);

        _attempts.Verify(a => a.AddFailureAsync(LoginAttemptKey.ForUser(_sam.Id), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Login_with_an_unknown_name_counts_a_failure_for_that_name()
    {
        await _handler.Handle(A.Login() with { Login = "nobody" }, CancellationToken.None);

        _attempts.Verify(a => a.AddFailureAsync(LoginAttemptKey.ForUnknownLogin("nobody"), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Login_that_succeeds_clears_the_accounts_earlier_failures()
    {
        _attempts.Setup(a => a.FindLockedUntilAsync(LoginAttemptKey.ForUser(_sam.Id), It.IsAny<CancellationToken>()))
            .ReturnsAsync(DateTimeOffset.UnixEpoch); // failures on record, no lock

        await _handler.Handle(A.Login(), CancellationToken.None);

        _attempts.Verify(a => a.ClearAsync(LoginAttemptKey.ForUser(_sam.Id), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Login_that_succeeds_without_earlier_failures_writes_nothing_to_the_attempt_store()
    {
        await _handler.Handle(A.Login(), CancellationToken.None);

        _attempts.Verify(a => a.ClearAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
