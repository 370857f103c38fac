using DoubleDibz.Application.Account.UpdateProfile;
using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Account.UpdateProfile;

public class UpdateProfileHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly User _sam = A.User(id: 7);
    private readonly CurrentSession _requester = A.Session(userId: 7);
    private UpdateProfileHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _users.Setup(u => u.FindByIdAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(_sam);
        _handler = new UpdateProfileHandler(_users.Object, _audit, A.Mapper());
    }

    private ValueTask<Result<UserDto>> Update(string? firstName, string? lastName) =>
        _handler.Handle(new UpdateProfileCommand(firstName, lastName, _requester), CancellationToken.None);

    [Test]
    public async Task Update_profile_with_both_names_renames_the_user()
    {
        await Update("Samuel", "Chang");

        Assert.That((_sam.FirstName.Value, _sam.LastName.Value), Is.EqualTo(("Samuel", "Chang")));
    }

    [Test]
    public async Task Update_profile_returns_the_updated_user()
    {
        var result = await Update("Samuel", "Chang");

        Assert.That(result.Value, Is.EqualTo(new UserDto(7, "spchuang", "test@gmail.com", "user", "Samuel", "Chang", EmailConfirmed: false, TwoFactorEnabled: false)));
    }

    [Test]
    public async Task Update_profile_with_only_a_first_name_keeps_the_last_name()
    {
        await Update("Samuel", null);

        Assert.That((_sam.FirstName.Value, _sam.LastName.Value), Is.EqualTo(("Samuel", "Chuang")));
    }

    [Test]
    public async Task Update_profile_with_only_a_last_name_keeps_the_first_name()
    {
        await Update(null, "Chang");

        Assert.That((_sam.FirstName.Value, _sam.LastName.Value), Is.EqualTo(("Sam", "Chang")));
    }

    [Test]
    public async Task Update_profile_stores_the_names_trimmed()
    {
        await Update("  Samuel ", " Chang  ");

        Assert.That((_sam.FirstName.Value, _sam.LastName.Value), Is.EqualTo(("Samuel", "Chang")));
    }

    [Test]
    public async Task Update_profile_records_ProfileUpdated_and_nothing_else()
    {
        await Update("Samuel", null);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.ProfileUpdated(7) }));
    }

    [Test]
    public async Task Update_profile_for_a_user_that_is_gone_returns_NotAuthorized_and_records_nothing()
    {
        var result = await _handler.Handle(A.UpdateProfile(A.Session(userId: 8)), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
        Assert.That(_audit.Events, Is.Empty);
    }

    [Test]
    public void Update_profile_is_an_authenticated_request()
    {
        Assert.That(A.UpdateProfile() with { Requester = null }, Is.InstanceOf<IAuthenticatedRequest>());
    }
}
