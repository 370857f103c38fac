using System.Net;
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

    private ApiHost Host() => new(Database, services: s => s.AddSingleton<TimeProvider>(_clock));

    private static async Task<SignupForm> SignedUpAsync(ApiHost host)
    {
        using var client = host.NewClient();
        var user = SignupForm.Valid();
        Assert.That((await client.SignupAsync(user)).Status, Is.EqualTo(HttpStatusCode.Created));
        return user;
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
