using DoubleDibz.Application.Account.ChangeEmail;
using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Account.ChangeEmail;

public class ChangeEmailHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ILoginAttemptStore> _attempts = new();
    private readonly Mock<IAccountTokenStore> _tokens = A.TokenStore();
    private readonly Mock<IMailOutbox> _outbox = new();
    private readonly User _sam = A.User(id: 7);
    private ChangeEmailHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(_sam);
        _hasher.Setup(h => h.VerifyAsync("correct horse battery", _sam.PasswordHash, It.IsAny<CancellationToken>())).ReturnsAsync(PasswordVerification.Succeeded);
        _attempts.Setup(a => a.TryCountAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(1, DateTimeOffset.UnixEpoch));
        _handler = new ChangeEmailHandler(_users.Object, A.PasswordCheck(_hasher.Object, _attempts.Object, _audit), A.AccountMail(_tokens.Object, _outbox.Object), _audit);
    }

    private static ChangeEmailCommand Command(string password = "correct horse battery") => new(password, " new@example.com ", A.Session(userId: 7));

    [Test]
    public async Task Change_email_issues_a_token_for_the_new_address_and_keeps_the_old_one_for_now()
    {
        var result = await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo("new@example.com"));
        _tokens.Verify(t => t.Issue(7, AccountTokenPurpose.ChangeEmail, It.Is<EmailAddress?>(e => e!.Value == "new@example.com"), It.IsAny<TimeSpan>()), Times.Once);
        Assert.That(_sam.Email.Value, Is.EqualTo("test@gmail.com"));
    }

    [Test]
    public async Task Change_email_mails_a_link_to_the_new_address_and_a_notice_without_a_link_to_the_old()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        _outbox.Verify(o => o.Enqueue(It.Is<OutgoingMail>(m => m.To == "new@example.com" && m.TextBody.Contains("token=raw-token"))), Times.Once);
        _outbox.Verify(o => o.Enqueue(It.Is<OutgoingMail>(m => m.To == "test@gmail.com" && !m.TextBody.Contains("token="))), Times.Once);
    }

    [Test]
    public async Task Change_email_with_a_wrong_password_returns_422_under_password_and_sends_nothing()
    {
        _hasher.Setup(h => h.VerifyAsync("wrong", _sam.PasswordHash, It.IsAny<CancellationToken>())).ReturnsAsync(PasswordVerification.Failed);

        var result = await _handler.Handle(Command("wrong"), CancellationToken.None);

        Assert.That(result.Error.Fields["Password"], Is.EqualTo(new[] { "Password is incorrect" }));
        _outbox.Verify(o => o.Enqueue(It.IsAny<OutgoingMail>()), Times.Never);
    }

    [Test]
    public async Task Change_email_to_a_taken_address_returns_409()
    {
        _users.Setup(u => u.EmailExistsAsync(It.IsAny<EmailAddress>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.Conflict));
    }

    [Test]
    public async Task Change_email_for_an_account_deleted_meanwhile_returns_NotAuthorized_and_sends_nothing()
    {
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync((User?)null);

        var result = await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
        _outbox.Verify(o => o.Enqueue(It.IsAny<OutgoingMail>()), Times.Never);
    }

    [Test]
    public void The_command_redacts_its_password()
    {
        var printed = A.ChangeEmail(A.Session(userId: 7)).ToString();

        Assert.That(printed, Is.EqualTo("ChangeEmailCommand { Password = [redacted], UserId = 7 }"));
    }
}
