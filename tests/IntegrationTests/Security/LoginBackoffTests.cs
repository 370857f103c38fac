using System.Net;
using System.Security.Cryptography;
using System.Text;
using DoubleDibz.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DoubleDibz.IntegrationTests.Security;

/// <summary>Per-account back-off after consecutive failed logins, with the service's clock under the test's control.</summary>
public class LoginBackoffTests : FreshDatabaseTest
{
    private const string WrongPassword = "certainly not it";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Test]
    public async Task After_five_failures_even_the_right_password_gets_429_with_Retry_After()
    {
        using var host = Host();
        using var client = host.NewClient();
        var user = await SignedUpAsync(host);

        await FailAsync(client, user.UserName, times: 5);
        var locked = await client.LoginAsync(user.UserName, user.Password);

        Assert.That(locked.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(locked.ErrorType, Is.EqualTo("Too Many Requests"));
        Assert.That(locked.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task The_fifth_failure_itself_still_answers_as_a_wrong_password()
    {
        using var host = Host();
        using var client = host.NewClient();
        var user = await SignedUpAsync(host);

        await FailAsync(client, user.UserName, times: 4);
        var fifth = await client.LoginAsync(user.UserName, WrongPassword);

        Assert.That(fifth.ErrorType, Is.EqualTo("Wrong Authentication"));
    }

    [Test]
    public async Task Failures_by_user_name_and_by_email_count_against_the_same_account()
    {
        using var host = Host();
        using var client = host.NewClient();
        var user = await SignedUpAsync(host);

        await FailAsync(client, user.UserName, times: 3);
        await FailAsync(client, user.Email, times: 2);

        Assert.That((await client.LoginAsync(user.UserName, user.Password)).Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task The_owner_gets_in_once_the_delay_has_passed()
    {
        using var host = Host();
        using var client = host.NewClient();
        var user = await SignedUpAsync(host);
        await FailAsync(client, user.UserName, times: 5);

        _clock.Advance(TimeSpan.FromSeconds(31));

        Assert.That((await client.LoginAsync(user.UserName, user.Password)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Each_failure_after_a_back_off_doubles_the_delay()
    {
        using var host = Host();
        using var client = host.NewClient();
        var user = await SignedUpAsync(host);
        await FailAsync(client, user.UserName, times: 5);
        _clock.Advance(TimeSpan.FromSeconds(31));

        await FailAsync(client, user.UserName, times: 1);
        var locked = await client.LoginAsync(user.UserName, user.Password);

        Assert.That(locked.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public async Task The_delay_is_capped_at_fifteen_minutes_so_the_owner_is_never_locked_out_for_good()
    {
        using var host = Host();
        using var client = host.NewClient();
        var user = await SignedUpAsync(host);
        await FailAsync(client, user.UserName, times: 5);
        for (var round = 0; round < 8; round++)
        {
            _clock.Advance(TimeSpan.FromMinutes(16));
            await FailAsync(client, user.UserName, times: 1);
        }

        var locked = await client.LoginAsync(user.UserName, user.Password);
        _clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var later = await client.LoginAsync(user.UserName, user.Password);

        Assert.That(locked.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(15)));
        Assert.That(later.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_successful_login_starts_the_count_again()
    {
        using var host = Host();
        using var client = host.NewClient();
        var user = await SignedUpAsync(host);
        await FailAsync(client, user.UserName, times: 4);
        using (var owner = host.NewClient())
        {
            await owner.LoginAsync(user.UserName, user.Password);
        }

        await FailAsync(client, user.UserName, times: 4);

        Assert.That((await client.LoginAsync(user.UserName, user.Password)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_unknown_login_backs_off_exactly_like_a_real_account_so_429_reveals_nothing()
    {
        using var host = Host();
        using var client = host.NewClient();
        var user = await SignedUpAsync(host);

        await FailAsync(client, user.UserName, times: 5);
        await FailAsync(client, "nosuchuser", times: 5);
        var real = await client.LoginAsync(user.UserName, WrongPassword);
        var unknown = await client.LoginAsync("nosuchuser", WrongPassword);

        Assert.That(unknown.Status, Is.EqualTo(real.Status).And.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(unknown.Body, Is.EqualTo(real.Body));
        Assert.That(unknown.Headers.RetryAfter, Is.EqualTo(real.Headers.RetryAfter));
    }

    [Test]
    public async Task The_back_off_survives_a_restart_and_holds_on_every_instance_sharing_the_database()
    {
        SignupForm user;
        using (var first = Host())
        {
            user = await SignedUpAsync(first);
            using var client = first.NewClient();
            await FailAsync(client, user.UserName, times: 5);
        }

        using var other = Host();
        using var elsewhere = other.NewClient();

        Assert.That((await elsewhere.LoginAsync(user.UserName, user.Password)).Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task Parallel_guesses_get_no_more_password_checks_than_sequential_ones()
    {
        using var host = Host();
        var user = await SignedUpAsync(host);
        var clients = Enumerable.Range(0, 30).Select(_ => host.NewClient()).ToList();
        await Task.WhenAll(clients.Select(c => c.CsrfTokenAsync()));

        var answers = await Task.WhenAll(clients.Select(c => c.LoginAsync(user.UserName, WrongPassword)));

        var statuses = answers.Select(a => a.Status).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.UnprocessableEntity), Is.InRange(1, 6), string.Join(", ", statuses));
        Assert.That(statuses.Where(s => s != HttpStatusCode.UnprocessableEntity), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
        clients.ForEach(c => c.Dispose());
    }

    [Test]
    public async Task The_owners_browser_with_a_device_cookie_gets_in_while_an_attacker_holds_the_account_locked()
    {
        using var host = Host();
        var user = await SignedUpAsync(host);
        using var owner = await KnownDeviceAsync(host, user);
        using var attacker = host.NewClient();
        await FailAsync(attacker, user.UserName, times: 5);
        Assert.That((await attacker.LoginAsync(user.UserName, WrongPassword)).Status, Is.EqualTo(HttpStatusCode.TooManyRequests));

        var ownerLogin = await owner.LoginAsync(user.UserName, user.Password);
        var attackerAgain = await attacker.LoginAsync(user.UserName, user.Password);

        Assert.That(ownerLogin.Status, Is.EqualTo(HttpStatusCode.OK), ownerLogin.ToString());
        Assert.That(attackerAgain.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task A_device_cookie_that_fails_too_often_is_locked_on_its_own()
    {
        using var host = Host();
        var user = await SignedUpAsync(host);
        using var device = await KnownDeviceAsync(host, user);

        await FailAsync(device, user.UserName, times: 5);
        var deviceLocked = await device.LoginAsync(user.UserName, user.Password);
        using var otherBrowser = host.NewClient();
        var otherBrowserLogin = await otherBrowser.LoginAsync(user.UserName, user.Password);

        Assert.That(deviceLocked.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(otherBrowserLogin.Status, Is.EqualTo(HttpStatusCode.OK), "the device's failures do not lock the account");
    }

    [Test]
    public async Task A_forged_device_cookie_is_just_an_unknown_browser()
    {
        using var host = Host();
        var user = await SignedUpAsync(host);
        using var attacker = host.NewClient();
        await FailAsync(attacker, user.UserName, times: 5);
        attacker.Cookies.Add(attacker.BaseAddress, new Cookie("dd_device", "Zm9yZ2VkLWRldmljZS1jb29raWU"));

        var login = await attacker.LoginAsync(user.UserName, user.Password);

        Assert.That(login.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task A_successful_login_leaves_an_http_only_long_lived_device_cookie()
    {
        using var host = Host();
        var user = await SignedUpAsync(host);
        using var client = host.NewClient();

        var login = await client.LoginAsync(user.UserName, user.Password);

        var cookie = login.SetCookie("dd_device");
        Assert.That(cookie, Does.Contain("httponly").And.Contain("samesite=lax").And.Contain("max-age="));
        Assert.That(cookie, Does.Not.Contain(user.UserName.ToLowerInvariant()));
    }

    [Test]
    public async Task An_unknown_login_is_stored_only_as_a_server_keyed_hash_never_as_its_plain_hash()
    {
        using var host = Host();
        using var client = host.NewClient();
        const string typed = "MyPasswordTypedAsLogin";

        await FailAsync(client, typed, times: 1);

        var plainHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(typed.ToUpperInvariant())));
        var keys = DatabaseProbe.LoginAttemptKeys(Database);
        Assert.That(keys, Has.Count.EqualTo(1));
        Assert.That(keys[0], Does.StartWith("login:").And.Not.Contain(plainHash).And.Not.Contain("MYPASSWORD").IgnoreCase);
    }

    [Test]
    public async Task A_stored_secret_the_key_ring_cannot_read_is_replaced_so_unknown_logins_still_answer_like_wrong_passwords()
    {
        using var host = Host();
        var user = await SignedUpAsync(host);
        DatabaseProbe.Execute(Database, "INSERT INTO ServerSecrets (Name, ProtectedValue) VALUES ('keyed-hash', randomblob(64))");
        using var client = host.NewClient();

        var unknown = await client.LoginAsync("nosuchuser", WrongPassword);
        var real = await client.LoginAsync(user.UserName, WrongPassword);

        Assert.That(unknown.Status, Is.EqualTo(real.Status).And.EqualTo(HttpStatusCode.UnprocessableEntity), unknown.ToString());
        Assert.That(unknown.Body, Is.EqualTo(real.Body));
    }

    private ApiHost Host() => new(Database, services: s => s.AddSingleton<TimeProvider>(_clock));

    private static async Task<SignupForm> SignedUpAsync(ApiHost host)
    {
        using var client = host.NewClient();
        var user = SignupForm.Valid();
        Assert.That((await client.SignupAsync(user)).Status, Is.EqualTo(HttpStatusCode.Created));
        return user;
    }

    /// <summary>A browser that has logged in to the account once (so holds its device cookie) and logged out.</summary>
    private static async Task<ApiClient> KnownDeviceAsync(ApiHost host, SignupForm user)
    {
        var browser = host.NewClient();
        Assert.That((await browser.LoginAsync(user.UserName, user.Password)).Status, Is.EqualTo(HttpStatusCode.OK));
        await browser.LogoutAsync();
        return browser;
    }

    private static async Task FailAsync(ApiClient client, string login, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var response = await client.LoginAsync(login, WrongPassword);
            Assert.That(response.ErrorType, Is.EqualTo("Wrong Authentication"), response.ToString());
        }
    }
}
