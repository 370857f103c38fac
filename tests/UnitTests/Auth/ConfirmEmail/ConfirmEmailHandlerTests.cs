using DoubleDibz.Application.Auth.ConfirmEmail;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Auth.ConfirmEmail;

public class ConfirmEmailHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IAccountTokenStore> _tokens = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly User _sam = A.User(id: 7);
    private ConfirmEmailHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(_sam);
        _handler = new ConfirmEmailHandler(_tokens.Object, _users.Object, TimeProvider.System, _audit, A.Mapper());
    }

    private void TokenGrants(AccountTokenPurpose purpose, string? newEmail = null) =>
        _tokens.Setup(t => t.FindLiveAsync("t", It.IsAny<IReadOnlyCollection<AccountTokenPurpose>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccountTokenGrant(7, purpose, newEmail is null ? null : EmailAddress.Create(newEmail).Value));

    [Test]
    public async Task Confirm_asks_only_for_confirmation_purposes_never_a_reset()
    {
        await _handler.Handle(new ConfirmEmailCommand("t"), CancellationToken.None);

        _tokens.Verify(t => t.FindLiveAsync("t", It.Is<IReadOnlyCollection<AccountTokenPurpose>>(p => !p.Contains(AccountTokenPurpose.ResetPassword)), It.IsAny<CancellationToken>()));
    }

    [Test]
    public async Task Confirm_marks_the_address_confirmed_and_voids_the_confirmation_tokens()
    {
        TokenGrants(AccountTokenPurpose.ConfirmEmail);

        var result = await _handler.Handle(new ConfirmEmailCommand("t"), CancellationToken.None);

        Assert.That(result.Value.EmailConfirmed, Is.True);
        _tokens.Verify(t => t.VoidAll(7, AccountTokenPurpose.ConfirmEmail), Times.Once);
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.EmailConfirmed(7) }));
    }

    [Test]
    public async Task Confirm_of_a_change_of_address_makes_the_new_address_the_users()
    {
        TokenGrants(AccountTokenPurpose.ChangeEmail, "new@example.com");

        var result = await _handler.Handle(new ConfirmEmailCommand("t"), CancellationToken.None);

        Assert.That(result.Value.Email, Is.EqualTo("new@example.com"));
        Assert.That(_sam.IsEmailConfirmed, Is.True);
        _tokens.Verify(t => t.VoidAll(7, AccountTokenPurpose.ChangeEmail), Times.Once);
    }

    [Test]
    public async Task Confirm_of_a_change_to_an_address_taken_meanwhile_returns_409_and_keeps_the_old_address()
    {
        TokenGrants(AccountTokenPurpose.ChangeEmail, "new@example.com");
        _users.Setup(u => u.EmailExistsAsync(It.IsAny<EmailAddress>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await _handler.Handle(new ConfirmEmailCommand("t"), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(UserErrors.EmailTaken));
        Assert.That(_sam.Email.Value, Is.EqualTo("test@gmail.com"));
    }

    [Test]
    public async Task Confirm_with_an_unknown_token_returns_the_invalid_link_error()
    {
        var result = await _handler.Handle(new ConfirmEmailCommand("t"), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AccountTokenErrors.InvalidToken));
    }

    [TestCase("live-token", "[redacted]")]
    [TestCase(null, "null")]
    public void The_command_redacts_its_token(string? token, string printed)
    {
        Assert.That(new ConfirmEmailCommand(token).ToString(), Is.EqualTo($"ConfirmEmailCommand {{ Token = {printed} }}"));
    }
}
