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


    [Test]
    public async Task Initdb_on_an_empty_database_migrates_and_reports_the_migrations_applied()
    {
        _schema.Setup(s => s.MigrateAsync(It.IsAny<CancellationToken>())).ReturnsAsync(["Initial", "Sessions"]);

        var result = await Handler().Handle(new InitDbCommand(Force: false, SampleUser: false, SamplePassword: null), CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo(new InitDbOutcome(result.Value.AppliedMigrations, 0, null)));
        Assert.That(result.Value.AppliedMigrations, Is.EqualTo(new[] { "Initial", "Sessions" }));
    }

    [Test]
    public async Task Initdb_on_an_empty_database_wipes_nothing_and_records_nothing()
    {
        var result = await Handler().Handle(new InitDbCommand(Force: true, SampleUser: false, SamplePassword: null), CancellationToken.None);

        Assert.That(result.Value.WipedUsers, Is.Zero);
        _schema.Verify(s => s.WipeDataAsync(It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_audit.Events, Is.Empty);
    }

    [Test]
    public async Task Initdb_with_force_records_DataWiped_with_the_number_of_users_and_nothing_else()
    {
        _users.Setup(u => u.CountAsync(It.IsAny<CancellationToken>())).ReturnsAsync(3);

        await Handler().Handle(new InitDbCommand(Force: true, SampleUser: false, SamplePassword: null), CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.DataWiped(3) }));
    }

    [Test]
    public async Task Initdb_refusing_a_database_with_users_says_how_many_and_how_to_force_it_and_records_nothing()
    {
        _users.Setup(u => u.CountAsync(It.IsAny<CancellationToken>())).ReturnsAsync(3);

        var result = await Handler().Handle(new InitDbCommand(Force: false, SampleUser: true, SamplePassword: null), CancellationToken.None);

        Assert.That(result.Error.Message, Does.Contain("3 user(s)").And.Contain("--force"));
        Assert.That(_audit.Events, Is.Empty);
        _sender.Verify(s => s.Send(It.IsAny<CreateUserCommand>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Initdb_asks_create_user_for_the_tutorials_account_with_the_given_password()
    {
        CreateUserCommand? sent = null;
        _sender.Setup(s => s.Send(It.IsAny<CreateUserCommand>(), It.IsAny<CancellationToken>()))
            .Callback<ICommand<Result<CreatedUser>>, CancellationToken>((c, _) => sent = (CreateUserCommand)c)
            .ReturnsAsync(Result<CreatedUser>.Success(new CreatedUser(A.Mapper().Map<UserDto>(A.User()), null)));

        await Handler().Handle(new InitDbCommand(Force: false, SampleUser: true, SamplePassword: "violet tractor sings"), CancellationToken.None);

        Assert.That(sent, Is.EqualTo(new CreateUserCommand("spchuang", "Sam", "Chuang", "test@gmail.com", "violet tractor sings", "user")));
    }

    [Test]
    public async Task Initdb_with_sample_user_returns_the_created_account()
    {
        var created = new CreatedUser(A.Mapper().Map<UserDto>(A.User()), "generated-once");
        _sender.Setup(s => s.Send(It.IsAny<CreateUserCommand>(), It.IsAny<CancellationToken>())).ReturnsAsync(Result<CreatedUser>.Success(created));

        var result = await Handler().Handle(new InitDbCommand(Force: false, SampleUser: true, SamplePassword: null), CancellationToken.None);

        Assert.That(result.Value.Sample, Is.SameAs(created));
    }

    [Test]
    public async Task Initdb_whose_sample_account_is_refused_returns_that_error()
    {
        var refused = Error.Invalid("Password must be between 8 and 128 characters long");
        _sender.Setup(s => s.Send(It.IsAny<CreateUserCommand>(), It.IsAny<CancellationToken>())).ReturnsAsync(Result<CreatedUser>.Failure(refused));

        var result = await Handler().Handle(new InitDbCommand(Force: false, SampleUser: true, SamplePassword: "short"), CancellationToken.None);

        Assert.That(result.Error, Is.SameAs(refused));
    }

    [Test]
    public async Task Initdb_without_sample_user_creates_no_account()
    {
        var result = await Handler().Handle(new InitDbCommand(Force: false, SampleUser: false, SamplePassword: null), CancellationToken.None);

        Assert.That(result.Value.Sample, Is.Null);
        _sender.Verify(s => s.Send(It.IsAny<CreateUserCommand>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void The_command_prints_its_flags_and_redacts_the_sample_password()
    {
        var text = new InitDbCommand(Force: true, SampleUser: true, SamplePassword: "violet tractor sings").ToString();

        Assert.That(text, Is.EqualTo("InitDbCommand { Force = True, SampleUser = True, SamplePassword = [redacted] }"));
    }

    private InitDbHandler Handler() => new(_schema.Object, _users.Object, _sender.Object, _audit);
}
