using DoubleDibz.Application.Auth.ForgotPassword;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Auth.ForgotPassword;

public class ForgotPasswordHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<IKeyedHasher> _keyedHasher = new();
    private readonly Mock<ILoginAttemptStore> _attempts = new();
    private readonly Mock<IAccountTokenStore> _tokens = A.TokenStore();
    private readonly Mock<IMailOutbox> _outbox = new();
    private readonly User _sam = A.User(id: 7);
    private ForgotPasswordHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _users.Setup(u => u.FindByLoginAsync("spchuang", It.IsAny<CancellationToken>())).ReturnsAsync(_sam);
        _keyedHasher.Setup(k => k.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((string text, CancellationToken _) => $"keyed({text})");
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(1, DateTimeOffset.UnixEpoch));
        _handler = new ForgotPasswordHandler(_users.Object, _keyedHasher.Object, new MailThrottle(_attempts.Object, A.AccountOptions(), TimeProvider.System),
            A.AccountMail(_tokens.Object, _outbox.Object), _audit);
    }

    [Test]
    public async Task Forgot_for_a_known_login_issues_a_reset_token_and_queues_the_mail_to_the_accounts_address()
    {
        var result = await _handler.Handle(new ForgotPasswordCommand(" spchuang "), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        _tokens.Verify(t => t.Issue(7, AccountTokenPurpose.ResetPassword, null, TimeSpan.FromMinutes(30)), Times.Once);
        _outbox.Verify(o => o.Enqueue(It.Is<OutgoingMail>(m => m.To == "test@gmail.com" && m.TextBody.Contains("/reset-password?token=raw-token"))), Times.Once);
    }

    [Test]
    public async Task Forgot_for_an_unknown_login_succeeds_and_queues_nothing()
    {
        var result = await _handler.Handle(new ForgotPasswordCommand("nobody"), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        _outbox.Verify(o => o.Enqueue(It.IsAny<OutgoingMail>()), Times.Never);
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.PasswordResetRequested(null) }));
    }

    [Test]
    public async Task Forgot_counts_the_request_under_the_keyed_hash_of_the_normalised_login_not_the_account()
    {
        await _handler.Handle(new ForgotPasswordCommand("SpChuang"), CancellationToken.None);

        _attempts.Verify(a => a.TryCountAsync(new LoginAttemptKey("mail:login:keyed(SPCHUANG)"), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Forgot_beyond_the_per_account_limit_returns_429_before_looking_up_the_account()
    {
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CountedAttempt?)null);
        _attempts.Setup(a => a.FindLockedUntilAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<CancellationToken>())).ReturnsAsync(DateTimeOffset.UtcNow.AddMinutes(1));

        var result = await _handler.Handle(new ForgotPasswordCommand("spchuang"), CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.TooManyAttempts));
        _users.Verify(u => u.FindByLoginAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.MailLimited(null) }));
    }
}
