using DoubleDibz.Application.Account.ChangePassword;
using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Account.ChangePassword;

public class ChangePasswordHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Mock<ILoginAttemptStore> _attempts = new();
    private readonly Mock<IAccountTokenStore> _tokens = new();
    private readonly User _sam = A.User(id: 7);
    private readonly PasswordHash _newHash = A.PasswordHash(memoryKiB: 65536, iterations: 3);
    private readonly CurrentSession _requester = A.Session(userId: 7);
    private ChangePasswordHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(_sam);
        _hasher.Setup(h => h.VerifyAsync("correct horse battery", _sam.PasswordHash, It.IsAny<CancellationToken>()))
            .ReturnsAsync(PasswordVerification.Succeeded);
        _hasher.Setup(h => h.HashAsync("a new horse battery", It.IsAny<CancellationToken>())).ReturnsAsync(_newHash);
        _sessions.Setup(s => s.EndAllAsync(7, null, It.IsAny<CancellationToken>())).ReturnsAsync(3);
        _sessions.Setup(s => s.StartAsync(7, It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(A.IssuedSession());
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(1, DateTimeOffset.UnixEpoch));
        _handler = new ChangePasswordHandler(_users.Object, A.PasswordCheck(_hasher.Object, _attempts.Object, _audit), A.PasswordPolicy(),
            _hasher.Object, _sessions.Object, _audit, A.Mapper(), _tokens.Object);
    }

    private ChangePasswordCommand Command() => A.ChangePassword(_requester);

    private ChangePasswordCommand WithNewPassword(string password) => Command() with { Password = password, Confirm = password };

    [Test]
    public async Task Change_password_replaces_the_users_hash_with_a_hash_of_the_new_password()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(_sam.PasswordHash, Is.SameAs(_newHash));
    }

    [Test]
    public async Task Change_password_ends_every_session_of_the_user_the_requesters_too()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        _sessions.Verify(s => s.EndAllAsync(7, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Change_password_starts_a_new_session_as_persistent_as_the_requesters(bool persistent)
    {
        await _handler.Handle(A.ChangePassword(_requester with { Persistent = persistent }), CancellationToken.None);

        _sessions.Verify(s => s.StartAsync(7, persistent, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Change_password_returns_the_new_session_and_the_user()
    {
        var result = await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo(new PasswordChanged(
            new UserDto(7, "spchuang", "test@gmail.com", "user", "Sam", "Chuang", EmailConfirmed: false, TwoFactorEnabled: false), A.IssuedSession())));
    }

    [Test]
    public async Task Change_password_records_PasswordChanged_with_the_other_sessions_ended_and_nothing_else()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.PasswordChanged(7, OthersEnded: 2) }));
    }

    [TestCase(0)]
    [TestCase(1)]
    public async Task Change_password_when_at_most_the_requesters_session_ended_records_no_other_session_ended(int ended)
    {
        _sessions.Setup(s => s.EndAllAsync(7, null, It.IsAny<CancellationToken>())).ReturnsAsync(ended);

        await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.PasswordChanged(7, OthersEnded: 0) }));
    }

    [Test]
    public async Task Change_password_with_a_wrong_current_password_returns_the_field_error()
    {
        var result = await _handler.Handle(Command() with { CurrentPassword = "not the password" }, CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.Validation));
        Assert.That(result.Error.Fields, Is.EqualTo(new Dictionary<string, IReadOnlyList<string>> { ["CurrentPassword"] = ["Current password is incorrect"] }));
    }

    [Test]
    public async Task Change_password_with_a_wrong_current_password_changes_no_hash_and_no_session()
    {
        var stored = _sam.PasswordHash;

        await _handler.Handle(Command() with { CurrentPassword = "not the password" }, CancellationToken.None);

        Assert.That(_sam.PasswordHash, Is.SameAs(stored));
        _hasher.Verify(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _sessions.Verify(s => s.EndAllAsync(It.IsAny<int>(), It.IsAny<Guid?>(), It.IsAny<CancellationToken>()), Times.Never);
        _sessions.Verify(s => s.StartAsync(It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Change_password_with_a_wrong_current_password_records_LoginFailed_WrongPassword_and_nothing_else()
    {
        await _handler.Handle(Command() with { CurrentPassword = "not the password" }, CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoginFailed(LoginFailureReason.WrongPassword, 7) }));
    }

    [Test]
    public async Task Change_password_checks_the_current_password_as_an_attempt_of_the_account()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        _attempts.Verify(a => a.TryCountAsync(LoginAttemptKey.ForUser(7), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Change_password_for_an_account_in_back_off_returns_TooManyAttempts_and_changes_nothing()
    {
        _attempts.Setup(a => a.TryCountAsync(LoginAttemptKey.ForUser(7), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CountedAttempt?)null);
        _attempts.Setup(a => a.FindLockedUntilAsync(LoginAttemptKey.ForUser(7), It.IsAny<CancellationToken>())).ReturnsAsync(DateTimeOffset.UtcNow.AddMinutes(1));

        var result = await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.TooManyAttempts));
        _hasher.Verify(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _sessions.Verify(s => s.EndAllAsync(It.IsAny<int>(), It.IsAny<Guid?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestCase("spchuang")]
    [TestCase("SPCHUANG")]
    [TestCase("test@gmail.com")]
    public async Task Change_password_to_the_user_name_or_email_returns_the_policys_error_under_Password(string password)
    {
        var result = await _handler.Handle(WithNewPassword(password), CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.Validation));
        Assert.That(result.Error.Fields, Is.EqualTo(new Dictionary<string, IReadOnlyList<string>>
        {
            ["Password"] = ["Password must not be the same as your username or email"],
        }));
    }

    [Test]
    public async Task Change_password_to_the_user_name_is_refused_before_the_current_password_is_checked_or_counted()
    {
        await _handler.Handle(WithNewPassword("spchuang"), CancellationToken.None);

        _hasher.Verify(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<PasswordHash?>(), It.IsAny<CancellationToken>()), Times.Never);
        _attempts.Verify(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()), Times.Never);
        _sessions.Verify(s => s.EndAllAsync(It.IsAny<int>(), It.IsAny<Guid?>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_audit.Events, Is.Empty);
    }

    [Test]
    public async Task Change_password_for_a_user_that_is_gone_returns_NotAuthorized_and_changes_nothing()
    {
        var result = await _handler.Handle(A.ChangePassword(A.Session(userId: 8)), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
        _sessions.Verify(s => s.EndAllAsync(It.IsAny<int>(), It.IsAny<Guid?>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_audit.Events, Is.Empty);
    }

    [Test]
    public void Change_password_is_an_authenticated_request()
    {
        Assert.That(A.ChangePassword() with { Requester = null }, Is.InstanceOf<IAuthenticatedRequest>());
    }

    [Test]
    public void The_command_prints_the_requesters_user_id_and_redacts_every_password()
    {
        var text = A.ChangePassword(A.Session(userId: 7)).ToString();

        Assert.That(text, Is.EqualTo("ChangePasswordCommand { CurrentPassword = [redacted], Password = [redacted], Confirm = [redacted], UserId = 7 }"));
    }

    [Test]
    public async Task Change_password_voids_every_password_reset_link_of_the_user()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        _tokens.Verify(t => t.VoidAll(7, DoubleDibz.Application.Common.Mail.AccountTokenPurpose.ResetPassword), Times.Once);
    }
}
