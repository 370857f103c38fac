using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Security;

/// <summary>
/// In production (no <c>Cookies:Secure</c> set) every cookie is <c>Secure</c>, <c>Path=/</c>, without a Domain and
/// named with the <c>__Host-</c> prefix, so a sibling subdomain cannot plant a session or CSRF id of its own.
/// The fixture's service runs with the production defaults; a browser would not send Secure cookies back over
/// plain HTTP, so these tests pass cookies by hand.
/// </summary>
public class CookieTests
{
    private ApiHost _production = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public void StartHost()
    {
        // null: the product's own default, not the SameAsRequest that ApiHost sets for plain-HTTP tests.
        _production = new ApiHost(settings: new Dictionary<string, string?> { ["Cookies:Secure"] = null });
        _http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _production.BaseAddress };
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _http.Dispose();
        _production.Dispose();
    }

    [Test]
    public async Task In_production_the_csrf_cookie_is_Host_prefixed_Secure_with_path_root_and_no_domain()
    {
        var (cookie, _) = await CsrfAsync();

        Assert.That(cookie, Does.StartWith("__Host-dd_csrf="));
        Assert.That(Attributes(cookie), Does.Contain("secure").And.Contain("path=/").And.Contain("httponly"));
        Assert.That(Attributes(cookie), Has.None.StartsWith("domain"));
    }

    [Test]
    public async Task In_production_the_session_cookie_is_Host_prefixed_Secure_with_path_root_and_no_domain()
    {
        var (csrfCookie, token) = await CsrfAsync();

        using var response = await SignupAsync(csrfCookie.Split(';')[0], token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-dd_session=", StringComparison.Ordinal));
        Assert.That(Attributes(cookie), Does.Contain("secure").And.Contain("path=/").And.Contain("httponly").And.Contain("samesite=lax"));
        Assert.That(Attributes(cookie), Has.None.StartsWith("domain"));
    }

    [Test]
    public async Task In_production_a_csrf_id_planted_under_the_unprefixed_name_is_not_accepted()
    {
        var (csrfCookie, token) = await CsrfAsync();
        var planted = "dd_csrf=" + csrfCookie.Split(';')[0]["__Host-dd_csrf=".Length..]; // what a sibling subdomain could set

        using var response = await SignupAsync(planted, token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("CSRF error"));
    }

    [Test]
    public async Task With_SameAsRequest_over_plain_http_the_cookies_keep_their_plain_names_without_Secure()
    {
        using var host = new ApiHost(settings: new Dictionary<string, string?> { ["Cookies:Secure"] = "SameAsRequest" });
        using var client = host.NewClient();

        var csrf = await client.GetAsync("/api/auth/csrf");
        var signup = await client.SignupAsync(SignupForm.Valid());

        Assert.That(csrf.SetCookie("dd_csrf"), Does.Not.Contain("secure"));
        Assert.That(signup.SetCookie("dd_session"), Does.Not.Contain("secure"));
    }

    private async Task<(string Cookie, string Token)> CsrfAsync()
    {
        using var response = await _http.GetAsync(new Uri("/api/auth/csrf", UriKind.Relative));
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("csrf_token").GetString()!;
        return (cookie, token);
    }

    private Task<HttpResponseMessage> SignupAsync(string cookieHeader, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/signup") { Content = JsonContent.Create(SignupForm.Valid().ToJson()) };
        request.Headers.Add("Cookie", cookieHeader);
        request.Headers.Add("X-CSRF-Token", token);
        return _http.SendAsync(request);
    }

    private static string[] Attributes(string setCookie) =>
        setCookie.ToLowerInvariant().Split(';').Skip(1).Select(a => a.Trim()).ToArray();
}
