using System.Net;
using System.Text;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Http;

/// <summary>
/// Every <c>/api</c> response carries <c>Cache-Control: no-store</c>, whoever made it: an endpoint, a use-case
/// failure, a status page of the framework, the CSRF check, the body rules, the rate limiter.
/// </summary>
public class CacheControlTests : ApiTest
{
    [TestCase("GET", "/api/auth/csrf", null, null, HttpStatusCode.OK, TestName = "A success carries no-store")]
    [TestCase("GET", "/api/auth/verify_auth", null, null, HttpStatusCode.Unauthorized, TestName = "A 401 carries no-store")]
    [TestCase("GET", "/api/no/such/route", null, null, HttpStatusCode.NotFound, TestName = "A 404 status page carries no-store")]
    [TestCase("DELETE", "/api/auth/csrf", null, null, HttpStatusCode.MethodNotAllowed, TestName = "A 405 status page carries no-store")]
    [TestCase("POST", "/api/auth/login", "text/plain", "hello", HttpStatusCode.UnsupportedMediaType, TestName = "A 415 carries no-store")]
    [TestCase("POST", "/api/auth/login", "application/json", "{\"login\":", HttpStatusCode.BadRequest, TestName = "A malformed body's 400 carries no-store")]
    public async Task Every_api_response_carries_Cache_Control_no_store(string method, string path, string? contentType, string? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType!);
            request.Headers.Add("X-CSRF-Token", await Client.CsrfTokenAsync());
        }

        var response = await Client.SendAsync(request);

        Assert.That(response.Status, Is.EqualTo(expected), response.ToString());
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, response.Headers.ToString());
    }

    [Test]
    public async Task A_413_carries_no_store()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = new StringContent(new string('x', 70_000), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CSRF-Token", await Client.CsrfTokenAsync());

        var response = await Client.SendAsync(request);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task A_csrf_refusal_and_a_validation_failure_carry_no_store()
    {
        var refused = await Client.PostJsonAsync("/api/auth/signup", new { }, withCsrf: false);
        var invalid = await Client.PostJsonAsync("/api/auth/signup", new { });

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(invalid.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(new[] { refused, invalid }.Select(r => r.Headers.CacheControl?.NoStore), Is.All.True);
    }

    [Test]
    public async Task The_rate_limiters_429_carries_no_store()
    {
        using var host = new ApiHost(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Api:PermitLimit"] = "1",
            ["RateLimiting:Api:Window"] = "00:10:00",
        });
        using var client = host.NewClient();

        await client.VerifyAuthAsync();
        var refused = await client.VerifyAuthAsync();

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.Headers.CacheControl?.NoStore, Is.True);
    }
}
