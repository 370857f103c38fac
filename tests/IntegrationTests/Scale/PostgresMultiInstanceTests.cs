using System.Collections.Concurrent;
using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Scale;

/// <summary>
/// Two instances of the service, each its own process on its own port, behind one real PostgreSQL server (a
/// throw-away cluster on 127.0.0.1): what a load balancer without sticky sessions would spread requests over.
/// </summary>
public class PostgresMultiInstanceTests
{
    private PostgresServer _postgres = null!;
    private string _folder = null!;
    private Dictionary<string, string> _environment = null!;
    private ServiceProcess _a = null!;
    private ServiceProcess _b = null!;

    [OneTimeSetUp]
    public async Task StartInstances()
    {
        _postgres = await PostgresServer.StartAsync();
        _folder = Directory.CreateTempSubdirectory("doubledibz-scale-").FullName;
        _environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = await _postgres.CreateDatabaseAsync(),
            ["RateLimiting__Enabled"] = "false",
            ["Email__PickupDirectory"] = Path.Combine(_folder, "mail"), // both instances write there
        };

        // Started together: both migrate the empty database at once, which EF's migration lock must serialise.
        var a = ServiceProcess.StartAsync(_folder, _environment);
        var b = ServiceProcess.StartAsync(_folder, _environment);
        (_a, _b) = (await a, await b);
    }

    [OneTimeTearDown]
    public void StopInstances()
    {
        _a.Dispose();
        _b.Dispose();
        _postgres.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task A_reset_link_asked_for_on_A_resets_on_B_and_ends_the_session_on_A()
    {
        var form = SignupForm.Valid();
        using var onA = new ApiClient(_a.Address);
        Assert.That((await onA.SignupAsync(form)).Status, Is.EqualTo(HttpStatusCode.Created));
        await onA.ForgotPasswordAsync(form.UserName);
        var message = await new Mailbox(Path.Combine(_folder, "mail")).WaitForOneAsync(form.Email, "Reset your password");
        using var onB = new ApiClient(_b.Address);

        var reset = await onB.ResetPasswordAsync(Mailbox.TokenIn(message, "reset-password"), "a brand new passphrase");

        Assert.That(reset.Status, Is.EqualTo(HttpStatusCode.OK), reset.ToString());
        Assert.That((await onA.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await onB.LoginAsync(form.UserName, "a brand new passphrase")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Signed_up_on_A_is_signed_in_on_B_and_logout_on_B_ends_the_session_on_A()
    {
        using var onA = new ApiClient(_a.Address);
        Assert.That((await onA.SignupAsync(SignupForm.Valid())).Status, Is.EqualTo(HttpStatusCode.Created));
        using var onB = onA.SameBrowserAt(_b.Address);

        var seenOnB = await onB.VerifyAuthAsync();
        var logoutOnB = await onB.LogoutAsync();
        var oldCookieOnA = await onA.VerifyAuthAsync();

        Assert.That(seenOnB.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(logoutOnB.Status, Is.EqualTo(HttpStatusCode.OK), "the CSRF token from A must be accepted by B");
        Assert.That(oldCookieOnA.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("nul\u0000inside")]
    [TestCase("bell\u0007inside")]
    public async Task Text_PostgreSQL_would_refuse_never_reaches_it_and_is_a_validation_error(string login)
    {
        using var client = new ApiClient(_a.Address);

        var response = await client.LoginAsync(login, "some password");
        var signup = await client.SignupAsync(SignupForm.Valid() with { FirstName = login });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), response.ToString());
        Assert.That(response.Error.GetProperty("message").TryGetProperty("login", out _), Is.True);
        Assert.That(signup.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), signup.ToString());
    }

    [Test]
    public async Task Concurrent_signups_of_one_name_spread_over_both_instances_give_exactly_one_201()
    {
        var name = SignupForm.Valid().UserName;
        var attempts = Enumerable.Range(0, 10).Select(async i =>
        {
            using var client = new ApiClient(i % 2 == 0 ? _a.Address : _b.Address);
            var form = SignupForm.Valid() with { UserName = i % 3 == 0 ? name.ToUpperInvariant() : name };
            return (await client.SignupAsync(form)).Status;
        });

        var statuses = await Task.WhenAll(attempts);

        Assert.That(statuses.Count(s => s == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(statuses.Count(s => s == HttpStatusCode.Conflict), Is.EqualTo(9));
    }

    [Test]
    public async Task A_taken_email_in_another_case_is_a_conflict_on_the_other_instance()
    {
        var first = SignupForm.Valid();
        using var onA = new ApiClient(_a.Address);
        using var onB = new ApiClient(_b.Address);
        await onA.SignupAsync(first);

        var second = await onB.SignupAsync(SignupForm.Valid() with { Email = first.Email.ToUpperInvariant() });

        Assert.That(second.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(second.Error.GetProperty("message").GetString(), Is.EqualTo("This email is already taken!"));
    }

    [Test]
    public async Task A_password_changed_on_A_ends_the_other_sessions_on_B_at_once_and_keeps_the_caller_in()
    {
        var user = SignupForm.Valid();
        using var onA = new ApiClient(_a.Address);
        await onA.SignupAsync(user);
        using var phoneOnB = new ApiClient(_b.Address);
        await phoneOnB.LoginAsync(user.UserName, user.Password);
        using var callerSeenOnB = onA.SameBrowserAt(_b.Address); // the caller's old cookie, replayed on B

        var change = await onA.ChangePasswordAsync(user.Password, "a brand new passphrase");

        Assert.That(change.Status, Is.EqualTo(HttpStatusCode.OK), change.ToString());
        Assert.That((await phoneOnB.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await callerSeenOnB.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized), "the old cookie value ends too");
        Assert.That((await onA.SameBrowserAt(_b.Address).VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK), "the new cookie works on B");
        Assert.That((await new ApiClient(_b.Address).LoginAsync(user.UserName, "a brand new passphrase")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_account_deleted_on_A_is_gone_on_B_and_its_name_is_free()
    {
        var user = SignupForm.Valid();
        using var onA = new ApiClient(_a.Address);
        await onA.SignupAsync(user);
        using var onB = onA.SameBrowserAt(_b.Address);

        var deleted = await onA.DeleteAccountAsync(user.Password);

        Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.OK), deleted.ToString());
        Assert.That((await onB.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await new ApiClient(_b.Address).SignupAsync(user)).Status, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Login_back_off_earned_on_A_holds_on_B()
    {
        var user = SignupForm.Valid();
        using var onA = new ApiClient(_a.Address);
        await onA.SignupAsync(user);
        using var attacker = new ApiClient(_a.Address);
        for (var i = 0; i < 5; i++)
        {
            await attacker.LoginAsync(user.UserName, "not the password");
        }

        using var onB = new ApiClient(_b.Address);

        Assert.That((await onB.LoginAsync(user.UserName, user.Password)).Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task An_instance_killed_mid_load_loses_no_acknowledged_signup()
    {
        using var doomed = await ServiceProcess.StartAsync(_folder, _environment);
        var acknowledged = new ConcurrentBag<SignupForm>();
        var otherAnswers = new ConcurrentBag<string>();
        var enoughAcknowledged = new TaskCompletionSource();
        var load = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                using var client = new ApiClient(doomed.Address); // a new visitor each time: a signed-in one would be "already signed up"
                var form = SignupForm.Valid();
                try
                {
                    var response = await client.SignupAsync(form);
                    if (response.Status != HttpStatusCode.Created)
                    {
                        otherAnswers.Add(response.ToString());
                    }
                    else
                    {
                        acknowledged.Add(form);
                        if (acknowledged.Count >= 12)
                        {
                            enoughAcknowledged.TrySetResult();
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    return; // the instance is gone
                }
            }
        })).ToList();

        await Task.WhenAny(enoughAcknowledged.Task, Task.WhenAll(load));
        Assert.That(enoughAcknowledged.Task.IsCompleted, Is.True, $"the load ended first: {string.Join("; ", otherAnswers.Take(3))}");
        doomed.Kill();
        await Task.WhenAll(load);

        var failures = new List<string>();
        foreach (var form in acknowledged)
        {
            using var client = new ApiClient(_a.Address);
            var login = await client.LoginAsync(form.UserName, form.Password);
            if (login.Status != HttpStatusCode.OK)
            {
                failures.Add($"{form.UserName}: {login}");
            }
        }

        Assert.That(acknowledged, Has.Count.GreaterThanOrEqualTo(12));
        Assert.That(failures, Is.Empty);
    }

    // Two-factor sign-in (issue 14): the pending sign-in lives in the database, so either instance completes it.
    [Test]
    public async Task The_password_step_on_A_and_the_second_step_on_B_sign_in()
    {
        using var owner = new ApiClient(_a.Address);
        var form = SignupForm.Valid();
        await owner.SignupAsync(form);
        var secret = (await owner.SetupTwoFactorAsync(form.Password)).Json.GetProperty("data").GetProperty("secret").GetString()!;
        var enabled = await owner.EnableTwoFactorAsync(Authenticator.CodeAt(secret, DateTimeOffset.UtcNow));
        var recoveryCode = enabled.Json.GetProperty("data").GetProperty("recovery_codes")[0].GetString()!;
        using var onA = new ApiClient(_a.Address);
        var passwordStep = await onA.LoginAsync(form.UserName, form.Password);
        using var onB = onA.SameBrowserAt(_b.Address);

        // A recovery code, not a TOTP code: the one that enabled it may still be the current step (used once).
        var secondStep = await onB.SecondStepWithRecoveryCodeAsync(recoveryCode);

        Assert.That(passwordStep.ErrorType, Is.EqualTo("Two-factor required"));
        Assert.That(secondStep.Status, Is.EqualTo(HttpStatusCode.OK), secondStep.ToString());
        Assert.That((await onB.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }
}
