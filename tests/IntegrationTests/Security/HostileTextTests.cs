using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Security;

/// <summary>
/// Text that is not text — controls, noncharacters, lone surrogates — in any field of any endpoint, JSON or form, is a
/// 422 naming that field: never a 500, never a 400 "could not be read".
/// </summary>
public class HostileTextTests : ApiTest
{
    // Built at run time: a lone surrogate in an attribute's string would not survive compilation.
    private static readonly string[] NotText = ["nul\u0000", "bell\u0007", "non\uFFFE", "non\uFFFF", "non\uFDD0", "lone" + (char)0xDC00, "esc\u001B[2J"];

    private static readonly (string Path, string Field)[] Fields =
    [
        ("/api/auth/signup", "user_name"), ("/api/auth/signup", "first_name"), ("/api/auth/signup", "last_name"),
        ("/api/auth/signup", "email"), ("/api/auth/signup", "password"), ("/api/auth/signup", "confirm"),
        ("/api/auth/login", "login"), ("/api/auth/login", "password"),
        ("/api/auth/login/2fa", "code"), ("/api/auth/login/2fa", "recovery_code"), // two-factor sign-in (issue 14)
        ("/api/auth/password/forgot", "login"), ("/api/auth/email/confirm", "token"),
        ("/api/auth/password/reset", "token"), ("/api/auth/password/reset", "password"), ("/api/auth/password/reset", "confirm"),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from field in Fields
        from value in NotText
        from form in new[] { false, true }
        select new TestCaseData(field.Path, field.Field, value, form)
            .SetArgDisplayNames(field.Path, field.Field, Convert.ToHexString(System.Text.Encoding.Unicode.GetBytes(value[^1..])), form ? "form" : "json");

    [TestCaseSource(nameof(Cases))]
    public async Task A_field_that_is_not_text_is_a_validation_error_naming_that_field(string path, string field, string value, bool asForm)
    {
        var body = path.EndsWith("signup", StringComparison.Ordinal) ? SignupForm.Valid().ToJson()
            : path.EndsWith("reset", StringComparison.Ordinal) ? new Dictionary<string, string> { ["token"] = "some-token", ["password"] = "some password", ["confirm"] = "some password" }
            : new Dictionary<string, string> { ["login"] = "someone", ["password"] = "some password" };
        body[field] = value;

        var response = await Client.SendAsync(await RawPostAsync(path, body, asForm));

        if (!asForm && char.IsSurrogate(value[^1]))
        {
            // The contract lets JSON refuse a lone surrogate escape as a malformed body.
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest).Or.EqualTo(HttpStatusCode.UnprocessableEntity), response.ToString());
            return;
        }

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), response.ToString());
        Assert.That(response.ErrorType, Is.EqualTo("Form validation error"));
        Assert.That(response.Error.GetProperty("message").TryGetProperty(field, out _), Is.True, response.ToString());
    }

    private static readonly (string Method, string Path, string Field)[] AccountFields =
    [
        ("POST", "/api/auth/password/change", "current_password"), ("POST", "/api/auth/password/change", "password"),
        ("POST", "/api/auth/password/change", "confirm"), ("PATCH", "/api/account", "first_name"),
        ("PATCH", "/api/account", "last_name"), ("DELETE", "/api/account", "password"),
        // Two-factor sign-in (issue 14).
        ("POST", "/api/account/2fa/setup", "password"), ("POST", "/api/account/2fa/enable", "code"),
        ("POST", "/api/account/2fa/disable", "password"), ("POST", "/api/account/2fa/disable", "code"),
        ("POST", "/api/account/2fa/recovery_codes", "password"),
        ("POST", "/api/account/email", "password"), ("POST", "/api/account/email", "email"),
    ];

    private ApiClient _signedIn = null!;

    private static IEnumerable<TestCaseData> AccountCases() =>
        from field in AccountFields
        from value in NotText
        from form in new[] { false, true }
        select new TestCaseData(field.Method, field.Path, field.Field, value, form)
            .SetArgDisplayNames(field.Method, field.Path, field.Field, Convert.ToHexString(System.Text.Encoding.Unicode.GetBytes(value[^1..])), form ? "form" : "json");

    // One signed-in user for the fixture: these requests never reach a handler, so they change nothing.
    [OneTimeSetUp]
    public async Task SignIn()
    {
        _signedIn = Host.NewClient();
        await SignedUpUserAsync(_signedIn);
    }

    [OneTimeTearDown]
    public void DisposeSignedIn() => _signedIn.Dispose();

    [TestCaseSource(nameof(AccountCases))]
    public async Task An_account_field_that_is_not_text_is_a_validation_error_naming_that_field(string method, string path, string field, string value, bool asForm)
    {
        var body = new Dictionary<string, string> { [field] = value };
        var request = await RawRequestAsync(_signedIn, new HttpMethod(method), path, body, asForm);

        var response = await _signedIn.SendAsync(request);

        if (!asForm && char.IsSurrogate(value[^1]))
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest).Or.EqualTo(HttpStatusCode.UnprocessableEntity), response.ToString());
            return;
        }

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), response.ToString());
        Assert.That(response.Error.GetProperty("message").TryGetProperty(field, out _), Is.True, response.ToString());
        Assert.That((await _signedIn.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    private Task<HttpRequestMessage> RawPostAsync(string path, Dictionary<string, string> body, bool asForm) =>
        RawRequestAsync(Client, HttpMethod.Post, path, body, asForm);

    private static async Task<HttpRequestMessage> RawRequestAsync(ApiClient client, HttpMethod method, string path, Dictionary<string, string> body, bool asForm)
    {
        var content = asForm
            ? new StringContent(HostileEncoding.Form(body), System.Text.Encoding.ASCII, "application/x-www-form-urlencoded")
            : new StringContent(HostileEncoding.JsonObject(body), System.Text.Encoding.ASCII, "application/json");
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-CSRF-Token", await client.CsrfTokenAsync());
        return request;
    }
}
