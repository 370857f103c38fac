using DoubleDibz.Application.Admin.SendPasswordReset;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Admin.SendPasswordReset;

public class SendPasswordResetHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<IMailOutbox> _outbox = new();

    private SendPasswordResetHandler Handler() => new(_users.Object, A.AccountMail(outbox: _outbox.Object), _audit);

    [Test]
    public async Task Sending_to_a_user_queues_a_reset_mail_to_their_address_and_returns_it()
    {
        _users.Setup(u => u.FindByLoginAsync("spchuang", It.IsAny<CancellationToken>())).ReturnsAsync(A.User(email: "sam@example.com"));

        var result = await Handler().Handle(new SendPasswordResetCommand(" spchuang "), CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo("sam@example.com"));
        _outbox.Verify(o => o.Enqueue(It.Is<OutgoingMail>(m => m.To == "sam@example.com" && m.Subject == "Reset your password")), Times.Once);
    }

    [Test]
    public async Task Sending_to_a_user_records_PasswordResetSentByAdmin()
    {
        _users.Setup(u => u.FindByLoginAsync("spchuang", It.IsAny<CancellationToken>())).ReturnsAsync(A.User(id: 7));

        await Handler().Handle(new SendPasswordResetCommand("spchuang"), CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.PasswordResetSentByAdmin(7) }));
    }

    [Test]
    public async Task Sending_to_an_unknown_user_returns_NotFound_naming_the_trimmed_login_and_sends_nothing()
    {
        var result = await Handler().Handle(new SendPasswordResetCommand(" ghost "), CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.NotFound));
        Assert.That(result.Error.Message, Does.Contain("'ghost'"));
        _outbox.Verify(o => o.Enqueue(It.IsAny<OutgoingMail>()), Times.Never);
        Assert.That(_audit.Events, Is.Empty);
    }
}
