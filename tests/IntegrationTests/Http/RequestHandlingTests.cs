using System.Net;
using System.Text;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Http;

/// <summary>Bad input gets a clear 4xx in the envelope, never a 500.</summary>
public class RequestHandlingTests : ApiTest
{
    private async Task<ApiResponse> PostRawAsync(string path, string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-CSRF-Token", await Client.CsrfTokenAsync());
        return await Client.SendAsync(request);
    }

    [TestCase("{\"login\": ")]
    [TestCase("not json at all")]
    [TestCase("[1, 2, 3]")]
    [TestCase("null")]
    [TestCase("{\"login\": {\"nested\": true}, \"password\": \"x\"}")]
    public async Task Malformed_json_gets_400_Bad_Request(string body)
    {
        var response = await PostRawAsync("/api/auth/login", body, "application/json");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest), response.ToString());
        Assert.That(response.ErrorType, Is.EqualTo("Bad Request"));
    }

    [Test]
    public async Task An_unsupported_content_type_gets_415()
    {
        var response = await PostRawAsync("/api/auth/login", "login=a", "text/plain");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(response.ErrorType, Is.EqualTo("Unsupported Media Type"));
    }

    [Test]
    public async Task A_body_over_64_KiB_gets_413()
    {
        var body = "{\"login\": \"" + new string('a', 70_000) + "\"}";

        var response = await PostRawAsync("/api/auth/login", body, "application/json");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.ErrorType, Is.EqualTo("Payload Too Large"));
    }

    [Test]
    public async Task A_form_body_over_64_KiB_gets_413()
    {
        var response = await PostRawAsync("/api/auth/login", "login=" + new string('a', 70_000), "application/x-www-form-urlencoded");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task A_body_nobody_reads_is_still_held_to_the_limit_and_the_content_types()
    {
        var tooLarge = await PostRawAsync("/api/auth/logout", new string('a', 70_000), "application/json");
        var wrongType = await PostRawAsync("/api/auth/logout", "bye", "text/plain");

        Assert.That(tooLarge.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(wrongType.Status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task A_chunked_body_over_64_KiB_gets_413_even_where_no_body_is_read()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout") { Content = new StringContent(new string('a', 70_000), Encoding.UTF8, "application/json") };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-CSRF-Token", await Client.CsrfTokenAsync());

        var response = await Client.SendAsync(request);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task A_chunked_form_body_within_the_limit_is_read_normally()
    {
        var form = SignupForm.Valid().ToJson();
        form["csrf_token"] = await Client.CsrfTokenAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/signup") { Content = new FormUrlEncodedContent(form) };
        request.Headers.TransferEncodingChunked = true;

        var response = await Client.SendAsync(request);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.ToString());
    }

    [Test]
    public async Task An_unknown_api_route_gets_a_json_404()
    {
        var response = await Client.GetAsync("/api/auth/nothing-here");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.ErrorType, Is.EqualTo("Not Found"));
    }

    [TestCase("GET", "/api/auth/login")]
    [TestCase("GET", "/api/auth/signup")]
    [TestCase("POST", "/api/auth/verify_auth")]
    public async Task A_wrong_method_on_a_known_route_gets_405(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-CSRF-Token", await Client.CsrfTokenAsync());

        var response = await Client.SendAsync(request);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.ErrorType, Is.EqualTo("Method Not Allowed"));
    }

    [Test]
    public async Task Every_api_response_is_json_in_utf8()
    {
        var responses = new[]
        {
            await Client.VerifyAuthAsync(),
            await Client.GetAsync("/api/auth/csrf"),
            await Client.GetAsync("/api/nope"),
            await Client.PostJsonAsync("/api/auth/login", new { }),
        };

        Assert.That(responses.Select(r => r.ContentHeaders.ContentType?.ToString()), Is.All.EqualTo("application/json; charset=utf-8"));
    }

    [Test]
    public async Task A_login_post_with_no_body_at_all_gets_422_for_the_missing_fields()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login");
        request.Headers.Add("X-CSRF-Token", await Client.CsrfTokenAsync());

        var response = await Client.SendAsync(request);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public async Task A_NUL_in_the_path_is_refused_by_the_server_itself_with_a_bare_400()
    {
        // Kestrel refuses it at the protocol level, before any application code (so no envelope): nothing to handle.
        var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/account/sessions%00"));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Body, Is.Empty);
    }
}
