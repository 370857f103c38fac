using DoubleDibz.Application.Admin.DisableTwoFactor;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Admin.DisableTwoFactor;

public class DisableTwoFactorHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly User _sam = A.User(id: 7);
    private DisableTwoFactorHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _users.Setup(u => u.FindByLoginAsync("spchuang", It.IsAny<CancellationToken>())).ReturnsAsync(_sam);
        _handler = new DisableTwoFactorHandler(_users.Object, _audit);
    }

    [Test]
    public async Task It_turns_two_factor_off_and_is_audited_as_the_admin_s_doing()
    {
        A.WithTwoFactor(_sam);

        var result = await _handler.Handle(new DisableTwoFactorCommand(" spchuang "), CancellationToken.None);

        Assert.That(result.Value, Is.True);
        Assert.That(_sam.TwoFactorEnabled, Is.False);
        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.TwoFactorDisabled(7, ByAdmin: true) }));
    }

    [Test]
    public async Task For_a_user_without_two_factor_it_changes_nothing()
    {
        var result = await _handler.Handle(new DisableTwoFactorCommand("spchuang"), CancellationToken.None);

        Assert.That(result.Value, Is.False);
        Assert.That(_audit.Events, Is.Empty);
    }

    [Test]
    public async Task An_unknown_user_is_not_found()
    {
        var result = await _handler.Handle(new DisableTwoFactorCommand("ghost"), CancellationToken.None);

        Assert.That((result.Error.Kind, result.Error.Message), Is.EqualTo((ErrorKind.NotFound, "There is no user 'ghost'.")));
    }

    [Test]
    public void The_validator_needs_a_user()
    {
        var errors = new DisableTwoFactorValidator().Validate(new DisableTwoFactorCommand("")).Errors;

        Assert.That(errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "User" }));
    }
}
