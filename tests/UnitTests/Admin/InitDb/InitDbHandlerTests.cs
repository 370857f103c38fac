using DoubleDibz.Application.Admin.CreateUser;
using DoubleDibz.Application.Admin.InitDb;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using DoubleDibz.UnitTests.TestData;
using Mediator;
using Moq;

namespace DoubleDibz.UnitTests.Admin.InitDb;

public class InitDbHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IDatabaseSchema> _schema = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<ISender> _sender = new();

    [Test]
    public async Task Initdb_refuses_to_touch_a_database_with_users_without_force()
    {
        _users.Setup(u => u.CountAsync(It.IsAny<CancellationToken>())).ReturnsAsync(3);

        var result = await Handler().Handle(new InitDbCommand(Force: false, SampleUser: false, SamplePassword: null), CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.Conflict));
        _schema.Verify(s => s.WipeDataAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Initdb_with_force_wipes_the_users()
    {
        _users.Setup(u => u.CountAsync(It.IsAny<CancellationToken>())).ReturnsAsync(3);

        var result = await Handler().Handle(new InitDbCommand(Force: true, SampleUser: false, SamplePassword: null), CancellationToken.None);

        Assert.That(result.Value.WipedUsers, Is.EqualTo(3));
        _schema.Verify(s => s.WipeDataAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Initdb_with_sample_user_creates_spchuang_through_create_user()
    {
        _sender.Setup(s => s.Send(It.IsAny<CreateUserCommand>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Result<CreatedUser>.Success(new CreatedUser(A.Mapper().Map<UserDto>(A.User()), null)));

        await Handler().Handle(new InitDbCommand(Force: false, SampleUser: true, SamplePassword: "violet tractor sings"), CancellationToken.None);

        _sender.Verify(s => s.Send(
            It.Is<CreateUserCommand>(c => c.UserName == "spchuang" && c.Email == "test@gmail.com" && c.Password == "violet tractor sings"),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    private InitDbHandler Handler() => new(_schema.Object, _users.Object, _sender.Object, _audit);
}
