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
        var body = path.EndsWith("signup", StringComparison.Ordinal)
            ? SignupForm.Valid().ToJson()
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

    private async Task<HttpRequestMessage> RawPostAsync(string path, Dictionary<string, string> body, bool asForm)
    {
        var content = asForm
            ? new StringContent(HostileEncoding.Form(body), System.Text.Encoding.ASCII, "application/x-www-form-urlencoded")
            : new StringContent(HostileEncoding.JsonObject(body), System.Text.Encoding.ASCII, "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-CSRF-Token", await Client.CsrfTokenAsync());
        return request;
    }
}
