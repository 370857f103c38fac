using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Security;

public class SecurityHeadersTests : ApiTest
{
    [Test]
    public async Task The_page_has_a_strict_content_security_policy_without_inline_script()
    {
        var page = await Client.GetAsync("/");

        var policy = Header(page, "Content-Security-Policy");
        Assert.That(policy, Does.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.Contain("default-src 'self'"));
        Assert.That(policy, Does.Not.Contain("unsafe-inline").And.Not.Contain("unsafe-eval"));
    }

    [TestCase("/")]
    [TestCase("/api/auth/verify_auth")]
    [TestCase("/api/nope")]
    [TestCase("/healthz")]
    public async Task Every_response_has_nosniff_a_referrer_policy_and_refuses_framing(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
        Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("no-referrer"));
        Assert.That(Header(response, "Content-Security-Policy"), Does.Contain("frame-ancestors 'none'"));
    }

    [Test]
    public async Task Api_responses_allow_no_content_to_load_at_all()
    {
        var response = await Client.VerifyAuthAsync();

        Assert.That(Header(response, "Content-Security-Policy"), Does.StartWith("default-src 'none'"));
    }

    [Test]
    public async Task Over_plain_http_there_is_no_HSTS()
    {
        var response = await Client.GetAsync("/");

        Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False);
    }

    [Test]
    public async Task Over_https_in_production_HSTS_is_sent()
    {
        // TLS ends at a trusted proxy that says so in X-Forwarded-Proto; the host name is the public one.
        using var host = new ApiHost(settings: new Dictionary<string, string?> { ["ReverseProxy:KnownProxies:0"] = "127.0.0.1" });
        using var client = host.NewClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = "auth.example.com";
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(response, "Strict-Transport-Security"), Does.Contain("max-age=31536000"));
    }

    private static string Header(ApiResponse response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.ContentHeaders.TryGetValues(name, out var content) ? string.Join(", ", content)
        : string.Empty;
}
