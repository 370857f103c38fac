using System.Net;
using DoubleDibz.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DoubleDibz.IntegrationTests.Operations;

/// <summary>Two-factor sign-in in operation: the admin's <c>disable-2fa</c>, the audit events, and logs free of secrets.</summary>
public class TwoFactorAdminAndLogTests : FreshDatabaseTest
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Test]
    public async Task Disable_2fa_lets_the_password_alone_sign_in_again_and_is_audited()
    {
        TwoFactorUser user;
        using (var host = new ApiHost(Database, services: s => s.AddSingleton<TimeProvider>(_clock)))
        using (var owner = host.NewClient())
        {
            user = await Authenticator.EnabledUserAsync(owner, _clock);
        }

        var run = await ServiceProcess.RunCommandAsync(
            Path.GetTempPath(), new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={Database}" }, "disable-2fa", user.UserName);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("Two-factor sign-in is now off"));
        Assert.That(run.Error, Does.Contain("Audit: admin turned two-factor sign-in off for user"));
        using var after = new ApiHost(Database);
        using var client = after.NewClient();
        Assert.That((await client.LoginAsync(user.UserName, user.Password)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Disable_2fa_for_an_unknown_user_exits_1()
    {
        var run = await ServiceProcess.RunCommandAsync(
            Path.GetTempPath(), new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={Database}" }, "disable-2fa", "ghost");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("There is no user 'ghost'."));
    }

    [Test]
    public async Task No_log_line_holds_a_totp_secret_code_recovery_code_or_pending_token()
    {
        using var host = new ApiHost(Database, services: s => s.AddSingleton<TimeProvider>(_clock));
        using var owner = host.NewClient();
        var user = await Authenticator.EnabledUserAsync(owner, _clock);
        using var browser = host.NewClient();
        await browser.LoginAsync(user.UserName, user.Password);
        var pendingToken = browser.PendingSignInCookie!;
        var wrong = Authenticator.WrongCodeAt(user.Secret, _clock.GetUtcNow());
        await browser.SecondStepAsync(wrong);
        await browser.SecondStepWithRecoveryCodeAsync("ZZZZZ-ZZZZZ");
        var code = Authenticator.CodeAt(user.Secret, _clock.GetUtcNow());
        await browser.SecondStepAsync(code);
        var fresh = await browser.RegenerateRecoveryCodesAsync(user.Password);
        var freshCodes = fresh.Json.GetProperty("data").GetProperty("recovery_codes").EnumerateArray().Select(c => c.GetString()!);
        await browser.DisableTwoFactorAsync(user.Password, user.RecoveryCodes[0]);
        await browser.DisableTwoFactorAsync(user.Password, freshCodes.First());
        var (storedSecret, _) = DatabaseProbe.TwoFactorColumnsOf(Database, user.UserName);
        var secrets = new[] { user.Secret, pendingToken, wrong, code, "ZZZZZ-ZZZZZ" }
            .Concat(user.RecoveryCodes).Concat(user.RecoveryCodes.Select(c => c.Replace("-", "", StringComparison.Ordinal))).Concat(freshCodes);

        var leaks = host.Logs.Lines.Where(line => secrets.Any(secret => line.Contains(secret, StringComparison.Ordinal)));

        Assert.That(storedSecret, Is.Null, "the second disable call should have turned it off");
        Assert.That(leaks, Is.Empty);
    }

    [Test]
    public async Task Enabling_signing_in_and_failing_write_their_audit_events()
    {
        using var host = new ApiHost(Database, services: s => s.AddSingleton<TimeProvider>(_clock));
        using var owner = host.NewClient();
        var user = await Authenticator.EnabledUserAsync(owner, _clock);
        using var browser = host.NewClient();
        await browser.LoginAsync(user.UserName, user.Password);
        await browser.SecondStepAsync(Authenticator.WrongCodeAt(user.Secret, _clock.GetUtcNow()));
        await browser.SecondStepWithRecoveryCodeAsync(user.RecoveryCodes[0]);

        var events = host.Logs.Entries.Select(e => e.EventId).ToHashSet();

        Assert.That(new[] { 1030, 1031, 1035, 1036, 1037 }.Where(id => !events.Contains(id)), Is.Empty);
    }
}
