using System.CommandLine;
using DoubleDibz.Application;
using DoubleDibz.Application.Admin.CreateUser;
using DoubleDibz.Application.Admin.DisableTwoFactor;
using DoubleDibz.Application.Admin.InitDb;
using DoubleDibz.Application.Admin.ListUsers;
using DoubleDibz.Application.Admin.Migrate;
using DoubleDibz.Application.Admin.RevokeSessions;
using DoubleDibz.Application.Admin.SendPasswordReset;
using DoubleDibz.Domain.Common;
using DoubleDibz.Infrastructure;
using DoubleDibz.Infrastructure.Persistence;
using Mediator;

namespace DoubleDibz.WebApi.Cli;

/// <summary>
/// Admin commands from the service's own executable: <c>dotnet run --project src/WebApi -- &lt;command&gt;</c>.
/// Each runs a use case through the same Application layer as the API, against the database the service is
/// configured for (appsettings, environment). Exit code 0 on success, 1 when the command was refused.
/// </summary>
public static class AdminCli
{
    public const int Refused = 1;

    private static readonly string[] Names = ["migrate", "initdb", "create-user", "list-users", "revoke-sessions", "disable-2fa", "send-password-reset"];
    private static readonly string[] HelpFlags = ["--help", "-h", "-?", "help"];

    /// <summary>
    /// True when the arguments are for the command line rather than the web server: a known command, a request
    /// for help, or a first word that is neither a command nor a setting (a typo such as <c>create-usr</c> must
    /// fail loudly, not start a server). The server's own arguments start with <c>-</c> or <c>/</c>
    /// (<c>--urls http://...</c>, <c>--environment X</c>, <c>/key value</c>) or are <c>key=value</c>.
    /// </summary>
    public static bool Handles(string[] args) =>
        args.Length > 0 && (Names.Contains(args[0]) || HelpFlags.Contains(args[0]) || !IsServerArgument(args[0]));

    private static bool IsServerArgument(string arg) => arg.StartsWith('-') || arg.StartsWith('/') || arg.Contains('=', StringComparison.Ordinal);

    public static Task<int> RunAsync(string[] args) => BuildRoot().Parse(args).InvokeAsync();

    private static RootCommand BuildRoot()
    {
        var root = new RootCommand("DoubleDibz. With no command, starts the web service; with one, runs an admin task and exits.");

        var migrate = new Command("migrate", "Apply pending database migrations and exit.");
        migrate.SetAction((_, ct) => WithSender(async sender =>
        {
            var applied = await sender.Send(new MigrateCommand(), ct);
            Console.WriteLine(applied.Count == 0 ? "The schema is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return 0;
        }, migrateFirst: false));
        root.Subcommands.Add(migrate);

        var force = new Option<bool>("--force") { Description = "Delete existing users and sessions first (otherwise initdb refuses when there are users)." };
        var sampleUser = new Option<bool>("--sample-user") { Description = "Add the original's sample account spchuang / test@gmail.com." };
        var samplePassword = new Option<string?>("--password") { Description = "Password of the sample account; generated and printed once when omitted." };
        var initdb = new Command("initdb", "Create the schema; optionally add the sample account.") { force, sampleUser, samplePassword };
        initdb.SetAction((parsed, ct) => WithSender(async sender =>
        {
            var result = await sender.Send(new InitDbCommand(parsed.GetValue(force), parsed.GetValue(sampleUser), parsed.GetValue(samplePassword)), ct);
            return Report(result, outcome =>
            {
                Console.WriteLine(outcome.WipedUsers > 0 ? $"Deleted {outcome.WipedUsers} user(s) and their sessions." : "The database is ready.");
                if (outcome.Sample is { } sample)
                {
                    PrintCreated(sample);
                }
            });
        }, migrateFirst: false));
        root.Subcommands.Add(initdb);

        var userName = new Option<string>("--user-name") { Description = "4-30 letters and digits.", Required = true };
        var email = new Option<string>("--email") { Required = true };
        var firstName = new Option<string>("--first-name") { Required = true };
        var lastName = new Option<string>("--last-name") { Required = true };
        var role = new Option<string>("--role") { Description = "admin, staff, user or test.", DefaultValueFactory = _ => "user" };
        var password = new Option<string?>("--password") { Description = "Discouraged: the password stays in the shell history and the process list. Use --password-stdin." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input. Without it and --password, one is generated and printed once." };
        var createUser = new Command("create-user", "Create an account with any role.") { userName, email, firstName, lastName, role, password, passwordStdin };
        createUser.Validators.Add(result =>
        {
            if (result.GetValue(passwordStdin) && result.GetValue(password) is not null)
            {
                result.AddError("Give the password either with --password-stdin or with --password, not both.");
            }
        });
        createUser.SetAction(async (parsed, ct) =>
        {
            var given = parsed.GetValue(password);
            if (parsed.GetValue(passwordStdin))
            {
                given = await ReadPasswordFromStandardInputAsync(ct);
                if (given is null)
                {
                    await Console.Error.WriteLineAsync("--password-stdin: standard input is empty; pipe the password in, e.g. printf '%s\\n' \"$PW\" | ... create-user ...");
                    return Refused;
                }
            }

            return await WithSender(async sender =>
            {
                var command = new CreateUserCommand(
                    parsed.GetValue(userName), parsed.GetValue(firstName), parsed.GetValue(lastName), parsed.GetValue(email), given, parsed.GetValue(role));
                return Report(await sender.Send(command, ct), PrintCreated);
            });
        });
        root.Subcommands.Add(createUser);

        var limit = new Option<int>("--limit") { Description = "Show at most this many (oldest first).", DefaultValueFactory = _ => 100 };
        var listUsers = new Command("list-users", "List accounts.") { limit };
        listUsers.SetAction((parsed, ct) => WithSender(async sender =>
            Report(await sender.Send(new ListUsersQuery(parsed.GetValue(limit)), ct), list =>
            {
                Console.WriteLine($"{"id",6}  {"user_name",-30}  {"email",-40}  {"role",-5}  name");
                foreach (var u in list.Users)
                {
                    Console.WriteLine($"{u.Id,6}  {u.UserName,-30}  {u.Email,-40}  {u.Role,-5}  {u.FirstName} {u.LastName}");
                }

                Console.WriteLine($"{list.Users.Count} of {list.Total} user(s).");
            })));
        root.Subcommands.Add(listUsers);

        var user = new Argument<string>("user") { Description = "User name or e-mail." };
        var revoke = new Command("revoke-sessions", "Sign a user out everywhere, on every instance at once.") { user };
        revoke.SetAction((parsed, ct) => WithSender(async sender =>
            Report(await sender.Send(new RevokeSessionsCommand(parsed.GetValue(user)), ct), count => Console.WriteLine($"Revoked {count} session(s)."))));
        root.Subcommands.Add(revoke);

        // Two-factor sign-in (issue 14): the way back in for a user who lost the device and the recovery codes.
        var disableTwoFactorUser = new Argument<string>("user") { Description = "User name or e-mail." };
        var disableTwoFactor = new Command("disable-2fa", "Turn a user's two-factor sign-in off (lost device); the password alone signs in again.") { disableTwoFactorUser };
        disableTwoFactor.SetAction((parsed, ct) => WithSender(async sender =>
            Report(await sender.Send(new DisableTwoFactorCommand(parsed.GetValue(disableTwoFactorUser)), ct), wasOn =>
                Console.WriteLine(wasOn ? "Two-factor sign-in is now off for that user." : "Two-factor sign-in was not on for that user; nothing changed."))));
        root.Subcommands.Add(disableTwoFactor);
        // Issue 12: e-mail.
        var resetUser = new Argument<string>("user") { Description = "User name or e-mail." };
        var sendReset = new Command("send-password-reset", "Queue a password-reset link to a user's address; the running service sends it.") { resetUser };
        sendReset.SetAction((parsed, ct) => WithSender(async sender =>
            Report(await sender.Send(new SendPasswordResetCommand(parsed.GetValue(resetUser)), ct), address =>
                Console.WriteLine($"Queued a password-reset link to {address}; the service's outbox sends it (older reset links stop working)."))));
        root.Subcommands.Add(sendReset);

        return root;
    }

    /// <summary>The first line of standard input without its line break (<c>\n</c> or <c>\r\n</c>), or null when there is none.</summary>
    private static async Task<string?> ReadPasswordFromStandardInputAsync(CancellationToken ct) =>
        await Console.In.ReadLineAsync(ct);

    private static void PrintCreated(CreatedUser created)
    {
        Console.WriteLine($"Created user {created.User.Id} '{created.User.UserName}' <{created.User.Email}> with role {created.User.Role}.");
        if (created.GeneratedPassword is { } generated)
        {
            Console.WriteLine($"Password (shown once, not stored): {generated}");
        }
    }

    private static int Report<T>(Result<T> result, Action<T> onSuccess)
    {
        if (result.IsSuccess)
        {
            onSuccess(result.Value);
            return 0;
        }

        var error = result.Error;
        Console.Error.WriteLine(error.Fields.Count == 0
            ? error.Message
            : string.Join(Environment.NewLine, error.Fields.SelectMany(f => f.Value.Select(m => $"--{OptionName(f.Key)}: {m}"))));
        return Refused;
    }

    // Use cases name fields as C# properties (UserName); on the command line they are options (--user-name).
    private static string OptionName(string property) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(property);

    /// <summary>
    /// The service's own configuration and registrations, without the web server: appsettings and environment
    /// variables as for the service; logs go to stderr at Warning, so stdout carries only the command's output.
    /// </summary>
    private static async Task<int> WithSender(Func<ISender, Task<int>> run, bool migrateFirst = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(Program).Assembly.GetName().Name });
        builder.AddShippedSettings();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddApplication(builder.Configuration).AddInfrastructure(builder.Configuration).AddWebApi(builder.Configuration);

        await using var app = builder.Build();
        if (migrateFirst)
        {
            await app.Services.InitializeDatabaseAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<ISender>());
    }
}
