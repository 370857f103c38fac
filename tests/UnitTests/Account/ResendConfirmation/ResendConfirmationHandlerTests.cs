using DoubleDibz.Application.Account.ResendConfirmation;
using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Account.ResendConfirmation;

public class ResendConfirmationHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<ILoginAttemptStore> _attempts = new();
    private readonly Mock<IAccountTokenStore> _tokens = A.TokenStore();
    private readonly Mock<IMailOutbox> _outbox = new();
    private readonly User _sam = A.User(id: 7);
    private ResendConfirmationHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(_sam);
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(1, DateTimeOffset.UnixEpoch));
        _handler = new ResendConfirmationHandler(_users.Object, new MailThrottle(_attempts.Object, A.AccountOptions(), TimeProvider.System), A.AccountMail(_tokens.Object, _outbox.Object), _audit);
    }

    [Test]
    public async Task Resend_for_an_unconfirmed_address_queues_a_new_link()
    {
        var result = await _handler.Handle(new ResendConfirmationCommand(A.Session(userId: 7)), CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo(ResendOutcome.Sent));
        _tokens.Verify(t => t.Issue(7, AccountTokenPurpose.ConfirmEmail, null, TimeSpan.FromHours(24)), Times.Once);
        _outbox.Verify(o => o.Enqueue(It.Is<OutgoingMail>(m => m.To == "test@gmail.com")), Times.Once);
    }

    [Test]
    public async Task Resend_for_a_confirmed_address_sends_nothing_and_counts_nothing()
    {
        _sam.ConfirmEmail(DateTimeOffset.UnixEpoch);

        var result = await _handler.Handle(new ResendConfirmationCommand(A.Session(userId: 7)), CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo(ResendOutcome.AlreadyConfirmed));
        _outbox.Verify(o => o.Enqueue(It.IsAny<OutgoingMail>()), Times.Never);
        _attempts.Verify(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Resend_for_an_account_deleted_meanwhile_returns_NotAuthorized_and_sends_nothing()
    {
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync((User?)null);

        var result = await _handler.Handle(new ResendConfirmationCommand(A.Session(userId: 7)), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
        _outbox.Verify(o => o.Enqueue(It.IsAny<OutgoingMail>()), Times.Never);
    }
}
