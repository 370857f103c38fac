using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Auth.ResetPassword;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Auth.ResetPassword;

public class ResetPasswordHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IAccountTokenStore> _tokens = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Mock<ILoginAttemptStore> _attempts = new();
    private readonly User _sam = A.User(id: 7);
    private readonly PasswordHash _newHash = A.PasswordHash(memoryKiB: 65536, iterations: 3);
    private ResetPasswordHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _tokens.Setup(t => t.FindLiveAsync("good-token", It.Is<IReadOnlyCollection<AccountTokenPurpose>>(p => p.SequenceEqual(new[] { AccountTokenPurpose.ResetPassword })), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccountTokenGrant(7, AccountTokenPurpose.ResetPassword, null));
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(_sam);
        _hasher.Setup(h => h.HashAsync("a new horse battery", It.IsAny<CancellationToken>())).ReturnsAsync(_newHash);
        _sessions.Setup(s => s.EndAllAsync(7, null, It.IsAny<CancellationToken>())).ReturnsAsync(2);
        _handler = new ResetPasswordHandler(_tokens.Object, _users.Object, A.PasswordPolicy(), _hasher.Object, _sessions.Object,
            A.LoginThrottle(_attempts.Object), TimeProvider.System, _audit);
    }

    private static ResetPasswordCommand Command(string token = "good-token", string password = "a new horse battery") => new(token, password, password);

    [Test]
    public async Task Reset_replaces_the_hash_ends_every_session_and_uses_up_the_reset_tokens()
    {
        var result = await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(_sam.PasswordHash, Is.SameAs(_newHash));
        _sessions.Verify(s => s.EndAllAsync(7, null, It.IsAny<CancellationToken>()), Times.Once);
        _tokens.Verify(t => t.VoidAll(7, AccountTokenPurpose.ResetPassword), Times.Once);
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.PasswordReset(7, 2) }));
    }

    [Test]
    public async Task Reset_clears_the_accounts_login_backoff_and_confirms_the_address()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        _attempts.Verify(a => a.ClearAsync(LoginAttemptKey.ForUser(7), It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_sam.IsEmailConfirmed, Is.True);
    }

    [Test]
    public async Task Reset_with_an_unknown_token_returns_the_invalid_link_error_and_changes_nothing()
    {
        var result = await _handler.Handle(Command(token: "other"), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AccountTokenErrors.InvalidToken));
        _tokens.Verify(t => t.VoidAll(It.IsAny<int>(), It.IsAny<AccountTokenPurpose>()), Times.Never);
        _sessions.Verify(s => s.EndAllAsync(It.IsAny<int>(), It.IsAny<Guid?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Reset_to_the_users_own_name_is_refused_under_password_and_keeps_the_token()
    {
        var result = await _handler.Handle(Command(password: "spchuang"), CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.Validation));
        Assert.That(result.Error.Fields.Keys, Is.EqualTo(new[] { "Password" }));
        _tokens.Verify(t => t.VoidAll(It.IsAny<int>(), It.IsAny<AccountTokenPurpose>()), Times.Never);
    }

    [TestCase("live-token", "[redacted]")]
    [TestCase(null, "null")]
    public void The_command_redacts_its_token_and_passwords(string? token, string printed)
    {
        var text = new ResetPasswordCommand(token, "a brand new passphrase", "a brand new passphrase").ToString();

        Assert.That(text, Is.EqualTo($"ResetPasswordCommand {{ Token = {printed}, Password = [redacted], Confirm = [redacted] }}"));
    }
}

public class ResetPasswordValidatorTests
{
    private readonly ResetPasswordValidator _validator = new(A.PasswordPolicy());

    [Test]
    public void Empty_token_is_reported_as_an_invalid_link()
    {
        var result = _validator.Validate(new ResetPasswordCommand("", "a new horse battery", "a new horse battery"));

        Assert.That(result.Errors.Single().ErrorMessage, Is.EqualTo(AccountTokenErrors.InvalidLink));
    }

    [Test]
    public void Confirm_must_match_the_password()
    {
        var result = _validator.Validate(new ResetPasswordCommand("t", "a new horse battery", "something else"));

        Assert.That(result.Errors.Single().PropertyName, Is.EqualTo("Confirm"));
    }
}
