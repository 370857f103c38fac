using DoubleDibz.Application.Account.DeleteAccount;
using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Account.DeleteAccount;

public class DeleteAccountHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Mock<ILoginAttemptStore> _attempts = new();
    private readonly User _sam = A.User(id: 7);
    private readonly CurrentSession _requester = A.Session(userId: 7);
    private DeleteAccountHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(_sam);
        _hasher.Setup(h => h.VerifyAsync("correct horse battery", _sam.PasswordHash, It.IsAny<CancellationToken>()))
            .ReturnsAsync(PasswordVerification.Succeeded);
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(1, DateTimeOffset.UnixEpoch));
        _handler = new DeleteAccountHandler(_users.Object, A.PasswordCheck(_hasher.Object, _attempts.Object, _audit), _sessions.Object, _audit);
    }

    private DeleteAccountCommand Command() => A.DeleteAccount(_requester);

    [Test]
    public async Task Delete_account_with_the_right_password_succeeds()
    {
        var result = await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
    }

    [Test]
    public async Task Delete_account_removes_the_user()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        _users.Verify(u => u.Remove(_sam), Times.Once);
    }

    [Test]
    public async Task Delete_account_ends_every_session_of_the_user()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        _sessions.Verify(s => s.EndAllAsync(7, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Delete_account_records_AccountDeleted_and_nothing_else()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.AccountDeleted(7) }));
    }

    [Test]
    public async Task Delete_account_checks_the_password_as_an_attempt_of_the_account()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        _attempts.Verify(a => a.TryCountAsync(LoginAttemptKey.ForUser(7), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Delete_account_with_a_wrong_password_returns_the_field_error()
    {
        var result = await _handler.Handle(Command() with { Password = "not the password" }, CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.Validation));
        Assert.That(result.Error.Fields, Is.EqualTo(new Dictionary<string, IReadOnlyList<string>> { ["Password"] = ["Password is incorrect"] }));
    }

    [Test]
    public async Task Delete_account_with_a_wrong_password_removes_nothing_and_ends_no_session()
    {
        await _handler.Handle(Command() with { Password = "not the password" }, CancellationToken.None);

        _users.Verify(u => u.Remove(It.IsAny<User>()), Times.Never);
        _sessions.Verify(s => s.EndAllAsync(It.IsAny<int>(), It.IsAny<Guid?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Delete_account_with_a_wrong_password_records_LoginFailed_WrongPassword_and_nothing_else()
    {
        await _handler.Handle(Command() with { Password = "not the password" }, CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoginFailed(LoginFailureReason.WrongPassword, 7) }));
    }

    [Test]
    public async Task Delete_account_for_an_account_in_back_off_returns_TooManyAttempts_and_removes_nothing()
    {
        _attempts.Setup(a => a.TryCountAsync(LoginAttemptKey.ForUser(7), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CountedAttempt?)null);
        _attempts.Setup(a => a.FindLockedUntilAsync(LoginAttemptKey.ForUser(7), It.IsAny<CancellationToken>())).ReturnsAsync(DateTimeOffset.UtcNow.AddMinutes(1));

        var result = await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.TooManyAttempts));
        _users.Verify(u => u.Remove(It.IsAny<User>()), Times.Never);
        _sessions.Verify(s => s.EndAllAsync(It.IsAny<int>(), It.IsAny<Guid?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Delete_account_for_a_user_that_is_gone_returns_NotAuthorized_and_removes_nothing()
    {
        var result = await _handler.Handle(A.DeleteAccount(A.Session(userId: 8)), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
        _users.Verify(u => u.Remove(It.IsAny<User>()), Times.Never);
        Assert.That(_audit.Events, Is.Empty);
    }

    [Test]
    public void Delete_account_is_an_authenticated_request()
    {
        Assert.That(A.DeleteAccount() with { Requester = null }, Is.InstanceOf<IAuthenticatedRequest>());
    }

    [Test]
    public void The_command_prints_the_requesters_user_id_and_redacts_the_password()
    {
        var text = A.DeleteAccount(A.Session(userId: 7)).ToString();

        Assert.That(text, Is.EqualTo("DeleteAccountCommand { Password = [redacted], UserId = 7 }"));
    }
}
