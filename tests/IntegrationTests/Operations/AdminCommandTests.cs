using System.Net;
using System.Text.RegularExpressions;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Operations;

/// <summary>
/// The admin commands, each run as its own process (<c>dotnet DoubleDibz.WebApi.dll &lt;command&gt;</c>) against a
/// fresh SQLite file; their effect is checked through the running API on the same file.
/// </summary>
public partial class AdminCommandTests : FreshDatabaseTest
{
    [Test]
    public async Task Help_lists_every_command()
    {
        var run = await RunAsync("--help");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Output, Does.Contain("migrate").And.Contain("initdb").And.Contain("create-user").And.Contain("list-users").And.Contain("revoke-sessions").And.Contain("send-password-reset"));
    }

    [Test]
    public async Task Migrate_creates_the_schema_then_finds_it_up_to_date()
    {
        var first = await RunAsync("migrate");
        var second = await RunAsync("migrate");

        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(first.Output, Does.Contain("InitialCreate"));
        Assert.That(second.Output, Does.Contain("up to date"));
    }

    [Test]
    public async Task Initdb_with_sample_user_creates_spchuang_with_a_password_printed_once()
    {
        var run = await RunAsync("initdb", "--sample-user");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var password = GeneratedPassword().Match(run.Output).Groups[1].Value;
        Assert.That(await LoginStatusAsync("test@gmail.com", password), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Initdb_takes_the_sample_password_from_its_option()
    {
        var run = await RunAsync("initdb", "--sample-user", "--password", "violet tractor sings");

        Assert.That(run.Output, Does.Not.Contain("shown once"));
        Assert.That(await LoginStatusAsync("spchuang", "violet tractor sings"), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Initdb_refuses_to_wipe_existing_users_without_force_and_keeps_them()
    {
        await RunAsync("initdb", "--sample-user", "--password", "violet tractor sings");

        var run = await RunAsync("initdb");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("--force"));
        Assert.That(await LoginStatusAsync("spchuang", "violet tractor sings"), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Initdb_with_force_deletes_existing_users()
    {
        await RunAsync("create-user", "--user-name", "oldtimer", "--email", "old@example.com", "--first-name", "Old", "--last-name", "Timer", "--password", "violet tractor sings");

        var run = await RunAsync("initdb", "--force");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(await LoginStatusAsync("oldtimer", "violet tractor sings"), Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public async Task Create_user_makes_an_admin_who_can_log_in()
    {
        var run = await RunAsync("create-user", "--user-name", "boss", "--email", "boss@example.com", "--first-name", "Big", "--last-name", "Boss", "--role", "admin", "--password", "violet tractor sings");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var host = new ApiHost(Database);
        using var client = host.NewClient();
        var login = await client.LoginAsync("boss", "violet tractor sings");
        Assert.That(login.Json.GetProperty("data").GetProperty("role").GetString(), Is.EqualTo("admin"));
    }

    [Test]
    public async Task Create_user_with_password_stdin_takes_the_first_line_of_standard_input_as_the_password()
    {
        var run = await RunWithInputAsync("violet tractor sings\nsecond line is ignored\n", "create-user", "--user-name", "piped", "--email", "piped@example.com", "--first-name", "Pi", "--last-name", "Ped", "--password-stdin");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Not.Contain("shown once"));
        Assert.That(await LoginStatusAsync("piped", "violet tractor sings"), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Create_user_with_password_stdin_and_nothing_on_standard_input_exits_1()
    {
        var run = await RunWithInputAsync(string.Empty, "create-user", "--user-name", "nothing", "--email", "nothing@example.com", "--first-name", "No", "--last-name", "Thing", "--password-stdin");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("--password-stdin"));
    }

    [Test]
    public async Task An_unknown_command_exits_non_zero_with_a_message_on_stderr_instead_of_starting_the_server()
    {
        var run = await RunAsync("no-such-command");

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain("no-such-command"));
    }

    [Test]
    public async Task Create_user_with_bad_input_exits_1_naming_each_bad_option()
    {
        var run = await RunAsync("create-user", "--user-name", "no way", "--email", "not-an-email", "--first-name", "A", "--last-name", "B", "--role", "king");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("--user-name: Username can only contain letters and numbers").And.Contain("--email:").And.Contain("--role:"));
    }

    [Test]
    public async Task Create_user_with_a_taken_name_exits_1()
    {
        await RunAsync("initdb", "--sample-user");

        var run = await RunAsync("create-user", "--user-name", "SPCHUANG", "--email", "other@example.com", "--first-name", "A", "--last-name", "B");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("This username is already taken!"));
    }

    [Test]
    public async Task Create_user_without_a_required_option_exits_non_zero()
    {
        var run = await RunAsync("create-user", "--user-name", "lonely");

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain("--email"));
    }

    [Test]
    public async Task List_users_shows_every_account()
    {
        await RunAsync("initdb", "--sample-user");
        await RunAsync("create-user", "--user-name", "second", "--email", "second@example.com", "--first-name", "Sec", "--last-name", "Ond", "--role", "staff");

        var run = await RunAsync("list-users");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("spchuang").And.Contain("second@example.com").And.Contain("staff").And.Contain("2 of 2 user(s)."));
    }

    [Test]
    public async Task Revoke_sessions_signs_the_user_out_of_the_running_service()
    {
        await RunAsync("initdb", "--sample-user", "--password", "violet tractor sings");
        using var host = new ApiHost(Database);
        using var browser = host.NewClient();
        await browser.LoginAsync("spchuang", "violet tractor sings");

        var run = await RunAsync("revoke-sessions", "spchuang");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("Revoked 1 session(s)."));
        Assert.That((await browser.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Revoke_sessions_for_an_unknown_user_exits_1()
    {
        var run = await RunAsync("revoke-sessions", "ghost");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("There is no user 'ghost'."));
    }

    [Test]
    public async Task Send_password_reset_queues_a_reset_link_that_the_service_then_delivers()
    {
        await RunAsync("initdb", "--sample-user", "--password", "violet tractor sings");

        var run = await RunAsync("send-password-reset", "spchuang");
        using var host = new ApiHost(Database);
        var message = await host.Mailbox.WaitForOneAsync("test@gmail.com", "Reset your password");
        using var client = host.NewClient();
        var reset = await client.ResetPasswordAsync(Mailbox.TokenIn(message, "reset-password"), "a brand new passphrase");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("Queued a password-reset link to test@gmail.com"));
        Assert.That(reset.Status, Is.EqualTo(HttpStatusCode.OK), reset.ToString());
    }

    [Test]
    public async Task Send_password_reset_for_an_unknown_user_exits_1()
    {
        var run = await RunAsync("send-password-reset", "ghost");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("There is no user 'ghost'."));
    }

    private Task<CommandRun> RunAsync(params string[] args) =>
        ServiceProcess.RunCommandAsync(
            Path.GetTempPath(),
            new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={Database}" },
            args);

    private Task<CommandRun> RunWithInputAsync(string standardInput, params string[] args) =>
        ServiceProcess.RunCommandWithInputAsync(
            Path.GetTempPath(),
            new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={Database}" },
            standardInput,
            args);

    private async Task<HttpStatusCode> LoginStatusAsync(string login, string password)
    {
        using var host = new ApiHost(Database);
        using var client = host.NewClient();
        return (await client.LoginAsync(login, password)).Status;
    }

    [GeneratedRegex(@"Password \(shown once, not stored\): (\S+)")]
    private static partial Regex GeneratedPassword();
}
