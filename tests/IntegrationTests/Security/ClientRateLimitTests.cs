using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Security;

/// <summary>Per-client limits (ASP.NET Core rate limiting), with small limits so the tests stay fast.</summary>
public class ClientRateLimitTests : FreshDatabaseTest
{
    private static readonly Dictionary<string, string?> SmallLimits = new()
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:Login:PermitLimit"] = "3",
        ["RateLimiting:Login:Window"] = "00:10:00",
        ["RateLimiting:Signup:PermitLimit"] = "2",
        ["RateLimiting:Signup:Window"] = "00:10:00",
        ["RateLimiting:Api:PermitLimit"] = "50",
        ["RateLimiting:Api:Window"] = "00:10:00",
    };

    [Test]
    public async Task Logins_beyond_the_clients_limit_get_429_in_the_envelope_with_Retry_After()
    {
        using var host = new ApiHost(Database, SmallLimits);
        using var client = host.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.LoginAsync($"someone{i}", "whatever password")).Status);
        }

        var refused = await client.LoginAsync("someone9", "whatever password");

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.ErrorType, Is.EqualTo("Too Many Requests"));
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(10)));
    }

    [Test]
    public async Task Login_signup_and_the_other_endpoints_have_separate_limits()
    {
        using var host = new ApiHost(Database, SmallLimits);
        using var client = host.NewClient();
        for (var i = 0; i < 4; i++)
        {
            await client.LoginAsync($"someone{i}", "whatever password");
        }

        var signup = await client.SignupAsync(SignupForm.Valid());
        var verify = await client.VerifyAuthAsync();

        Assert.That(signup.Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(verify.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Signups_beyond_the_clients_limit_get_429_and_create_nothing()
    {
        using var host = new ApiHost(Database, SmallLimits);
        using var client = host.NewClient();
        using var other = host.NewClient();
        await other.SignupAsync(SignupForm.Valid());
        await other.SignupAsync(SignupForm.Valid());
        var late = SignupForm.Valid();

        var refused = await client.SignupAsync(late);
        var login = await client.LoginAsync(late.UserName, late.Password);

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(login.ErrorType, Is.EqualTo("Wrong Authentication"), "the refused signup must not have created the user");
    }

    [Test]
    public async Task With_rate_limiting_disabled_every_login_is_answered()
    {
        using var host = new ApiHost(Database, new Dictionary<string, string?>(SmallLimits) { ["RateLimiting:Enabled"] = "false" });
        using var client = host.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.LoginAsync($"someone{i}", "whatever password")).Status);
        }

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public async Task Without_a_trusted_proxy_X_Forwarded_For_does_not_buy_a_fresh_limit()
    {
        using var host = new ApiHost(Database, SmallLimits);
        using var client = host.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await LoginFromAsync(client, $"203.0.113.{i}")).Status);
        }

        Assert.That(statuses[3], Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit()
    {
        using var host = new ApiHost(Database, new Dictionary<string, string?>(SmallLimits) { ["ReverseProxy:KnownProxies:0"] = "127.0.0.1" });
        using var client = host.NewClient();
        for (var i = 0; i < 3; i++)
        {
            await LoginFromAsync(client, "203.0.113.7");
        }

        var sameClient = await LoginFromAsync(client, "203.0.113.7");
        var otherClient = await LoginFromAsync(client, "198.51.100.20");

        Assert.That(sameClient.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(otherClient.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    private static async Task<ApiResponse> LoginFromAsync(ApiClient client, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { login = "someone", password = "whatever password" }),
        };
        request.Headers.Add("X-CSRF-Token", await client.CsrfTokenAsync());
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }
}
