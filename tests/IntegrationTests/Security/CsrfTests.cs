using System.Net;
using System.Text.RegularExpressions;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Security;

public partial class CsrfTests : ApiTest
{
    [Test]
    public async Task The_csrf_endpoint_returns_a_token_and_sets_its_cookie()
    {
        var response = await Client.GetAsync("/api/auth/csrf");

        Assert.That(response.Json.GetProperty("success").GetBoolean(), Is.True);
        Assert.That(response.Json.GetProperty("data").GetProperty("csrf_token").GetString(), Is.Not.Empty);
        Assert.That(response.SetCookies, Has.Some.StartsWith("dd_csrf="));
    }

    [Test]
    public async Task Signup_without_a_token_gets_400_CSRF_error_and_creates_nothing()
    {
        var form = SignupForm.Valid();

        var refused = await Client.PostJsonAsync("/api/auth/signup", form.ToJson(), withCsrf: false);

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.ErrorType, Is.EqualTo("CSRF error"));
        Assert.That((await Client.SignupAsync(form)).Status, Is.EqualTo(HttpStatusCode.Created), "the refused signup must not have created the user");
    }

    [Test]
    public async Task A_made_up_token_is_refused()
    {
        await Client.CsrfTokenAsync();

        var response = await EmptyLoginWithHeaderAsync("X-CSRF-Token", "not-a-real-token");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorType, Is.EqualTo("CSRF error"));
    }

    [Test]
    public async Task A_token_from_another_browser_is_refused()
    {
        using var otherBrowser = Host.NewClient();
        var foreignToken = await otherBrowser.CsrfTokenAsync();
        await Client.CsrfTokenAsync();

        var response = await EmptyLoginWithHeaderAsync("X-CSRF-Token", foreignToken);

        Assert.That(response.ErrorType, Is.EqualTo("CSRF error"));
    }

    [Test]
    public async Task The_original_clients_X_CSRFToken_header_is_accepted()
    {
        var token = await Client.CsrfTokenAsync();

        var response = await EmptyLoginWithHeaderAsync("X-CSRFToken", token);

        Assert.That(response.ErrorType, Is.EqualTo("Form validation error"));
    }

    [Test]
    public async Task The_token_in_the_pages_meta_tag_is_accepted()
    {
        var page = await Client.GetAsync("/");
        var token = MetaToken().Match(page.Body).Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/signup") { Content = JsonContent(SignupForm.Valid()) };
        request.Headers.Add("X-CSRF-Token", token);

        var response = await Client.SendAsync(request);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.ToString());
    }

    [Test]
    public async Task One_token_read_at_page_load_stays_valid_through_signup_logout_and_login()
    {
        var form = SignupForm.Valid();

        var signup = await Client.SignupAsync(form);
        var logout = await Client.LogoutAsync();
        var login = await Client.LoginAsync(form.UserName, form.Password);
        var secondLogout = await Client.LogoutAsync();

        Assert.That(new[] { signup.Status, logout.Status, login.Status, secondLogout.Status },
            Is.EqualTo(new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK }));
    }

    [Test]
    public async Task Logout_without_a_token_is_refused_and_the_session_stays()
    {
        await SignedUpUserAsync();

        var refused = await Client.PostJsonAsync("/api/auth/logout", new { }, withCsrf: false);

        Assert.That(refused.ErrorType, Is.EqualTo("CSRF error"));
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Reads_need_no_token()
    {
        var response = await Client.VerifyAuthAsync();

        Assert.That(response.ErrorType, Is.EqualTo("Unauthorized"));
    }

    private Task<ApiResponse> EmptyLoginWithHeaderAsync(string header, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonBody("{}") };
        request.Headers.Add(header, token);
        return Client.SendAsync(request);
    }

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static StringContent JsonContent(SignupForm form) => JsonBody(System.Text.Json.JsonSerializer.Serialize(form.ToJson()));

    [GeneratedRegex("""<meta name="csrf-token" content="([^"]+)">""")]
    private static partial Regex MetaToken();
}
