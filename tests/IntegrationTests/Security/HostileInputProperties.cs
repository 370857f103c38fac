using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsCheck;
using DoubleDibz.Infrastructure.Passwords;
using DoubleDibz.IntegrationTests.Support;
using DoubleDibz.WebApi.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DoubleDibz.IntegrationTests.Security;

/// <summary>
/// Generated hostile requests against every endpoint over real HTTP: arbitrary Unicode (noncharacters, lone
/// surrogates, controls, combining marks, very long strings) in every field, JSON of the wrong shape and type, forms
/// with odd encodings and duplicated fields, wrong content types, missing tokens. After each: no 5xx, the contract's
/// envelope, no hashing slot held, and a signed-in user still served; at the end, the real user still logs in.
/// The account endpoints get the same with a signed-in session of their own (a separate user, so that a generated
/// "sign out everywhere else" ends nothing the checks rely on), with hostile session ids in the path besides.
/// <c>PROPERTY_CASES</c> (default 300) sets the number of cases of each property, for a longer run locally.
/// </summary>
public class HostileInputProperties : ApiTest
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("PROPERTY_CASES"), out var n) && n > 0 ? n : 300;

    private const string SessionIdSlot = "{id}";

    /// <summary>Every endpoint with its methods, and whether the generated call carries the target user's session.</summary>
    private static readonly (string Path, HttpMethod[] Methods, bool SignedIn)[] Endpoints =
    [
        ("/api/auth/signup", [HttpMethod.Post], false),
        ("/api/auth/login", [HttpMethod.Post], false),
        ("/api/auth/logout", [HttpMethod.Post], false), // signed in, a valid case would simply log the target out
        ("/api/auth/verify_auth", [HttpMethod.Get, HttpMethod.Post], true),
        ("/api/auth/csrf", [HttpMethod.Get, HttpMethod.Post], false),
        ("/api/auth/password/change", [HttpMethod.Post], true),
        ("/api/account", [HttpMethod.Patch, HttpMethod.Delete], true),
        ("/api/account/sessions", [HttpMethod.Get, HttpMethod.Delete], true),
        ("/api/account/sessions/" + SessionIdSlot, [HttpMethod.Delete], true),
        // Two-factor sign-in (issue 14).
        ("/api/auth/login/2fa", [HttpMethod.Post], false),
        ("/api/account/2fa/setup", [HttpMethod.Post], true),
        ("/api/account/2fa/enable", [HttpMethod.Post], true),
        ("/api/account/2fa/disable", [HttpMethod.Post], true),
        ("/api/account/2fa/recovery_codes", [HttpMethod.Post], true),
        // E-mail (issue 12).
        ("/api/auth/email/confirm", [HttpMethod.Post], false),
        ("/api/auth/email/resend", [HttpMethod.Post], true),
        ("/api/auth/password/forgot", [HttpMethod.Post], false),
        ("/api/auth/password/reset", [HttpMethod.Post], false),
        ("/api/account/email", [HttpMethod.Post], true),
    ];

    private static readonly string[] KnownFields = ["user_name", "first_name", "last_name", "email", "password", "confirm", "login", "remember_me", "csrf_token", "current_password", "code", "recovery_code", "token"];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "application/vnd.api+json",
        "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=latin1",
        "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/octet-stream", "garbage/;;;",
    ];

    private static readonly Gen<char> HostileChar = Gen.Frequency(
        (10, Gen.Char[' ', '~']),
        (2, Gen.Char['\0', '\u001f']),
        (2, Gen.OneOf('\uFFFE', '\uFFFF', '\uFDD0', '\uFDEF', '\u0085', '\u007F', '\u2028', '\u202E', '\uFEFF')),
        (2, Gen.Char['\uD800', '\uDFFF']),
        (2, Gen.Char['\u0300', '\u036F']),
        (3, Gen.Char['\u00A0', '\uFFFD']));

    private static readonly Gen<string> HostileString = Gen.Frequency(
        (12, HostileChar.Array[0, 40].Select(c => new string(c))),
        (2, HostileChar.Array[200, 3000].Select(c => new string(c))),
        (1, Gen.Int[60_000, 70_000].Select(length => new string('a', length))));

    private static readonly Gen<string> FieldName = Gen.Frequency((6, Gen.OneOf(KnownFields)), (1, HostileString));

    private static readonly Gen<string> JsonValue = Gen.Frequency(
        (8, HostileString.Select(HostileEncoding.JsonString)),
        (1, Gen.OneOf("0", "-1", "1e999", "123456789012345678901234567890", "3.14", "true", "false", "null", "[]", "{}", "\"on\"", "\"y\"")),
        (1, HostileString.Array[0, 3].Select(items => "[" + string.Join(',', items.Select(HostileEncoding.JsonString)) + "]")),
        (1, HostileString.Select(s => "{\"nested\":" + HostileEncoding.JsonString(s) + "}")));

    private static readonly Gen<string> JsonBody = Gen.Frequency(
        (8, Gen.Select(FieldName, JsonValue).Array[0, 8].Select(fields => "{" + string.Join(',', fields.Select(f => HostileEncoding.JsonString(f.Item1) + ":" + f.Item2)) + "}")),
        (1, Gen.OneOf("", "{", "[]", "\"text\"", "42", "null", "{\"login\":}", "{\"login\":\"a\",}", "{'login':'a'}", "\uFEFF{}")),
        (1, JsonValue));

    private static readonly Gen<string> FormBody = Gen.Frequency(
        (8, Gen.Select(FieldName, HostileString).Array[0, 8].Select(fields => string.Join('&', fields.Select(f => HostileEncoding.PercentEncode(f.Item1) + "=" + HostileEncoding.PercentEncode(f.Item2))))),
        (1, Gen.OneOf("%", "%ZZ=1", "a=%E0%80", "===", "&&&", "login", "login=%00&login=%FF&password=+", "%C0%AF=%ED%A0%80")),
        (1, HostileString));

    // A path segment: short, so the request line stays within Kestrel's limit, and without NUL, which Kestrel refuses
    // in a path at the protocol level (a bare 400 before any application code runs; RequestHandlingTests pins it).
    private static readonly Gen<string> SessionId = Gen.Frequency(
        (6, HostileChar.Array[0, 40].Select(c => HostileEncoding.PercentEncode(new string(c).Replace("\0", "", StringComparison.Ordinal)))),
        (1, Gen.Guid.Select(g => g.ToString())));

    private static readonly Gen<HostileRequest> Request =
        Gen.Select(Gen.OneOf(Endpoints), Gen.OneOf(ContentTypes), Gen.Int[0, 1], Gen.Frequency((9, Gen.Const(true)), (1, Gen.Const(false))), SessionId)
            .SelectMany(t => (t.Item2.Contains("form", StringComparison.Ordinal) ? FormBody : JsonBody)
                .Select(body => new HostileRequest(
                    t.Item1.Methods[t.Item3 % t.Item1.Methods.Length],
                    t.Item1.Path.Replace(SessionIdSlot, t.Item5, StringComparison.Ordinal),
                    t.Item2,
                    body,
                    t.Item4,
                    t.Item1.SignedIn)));

    private HttpClient _raw = null!;
    private string _csrfCookie = null!;
    private string _csrfToken = null!;
    private string _targetSession = null!;
    private ApiClient _owner = null!;
    private SignupForm _ownerForm = null!;

    [OneTimeSetUp]
    public async Task PrepareClients()
    {
        // Cookies are sent by hand and never stored: a generated signup that succeeds changes no later case.
        _raw = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };
        using var browser = Host.NewClient();
        _csrfToken = await browser.CsrfTokenAsync();
        _csrfCookie = browser.Cookies.GetCookies(Host.BaseAddress)["dd_csrf"]!.Value;
        _owner = Host.NewClient();
        _ownerForm = await SignedUpUserAsync(_owner);
        using var target = Host.NewClient();
        await SignedUpUserAsync(target);
        _targetSession = target.SessionCookie!;
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        _raw.Dispose();
        _owner.Dispose();
    }

    [Test]
    public async Task Generated_hostile_requests_get_the_envelope_never_a_5xx_and_leave_nothing_held()
    {
        await Request.SampleAsync(
            async request =>
            {
                await AssertAnsweredWellAsync(request);
                Assert.That(Hasher.InFlight, Is.Zero, "a hashing slot is still held");
                Assert.That((await _owner.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK), "the signed-in user is still served");
            },
            iter: Cases,
            threads: 1,
            print: r => r.ToString());

        await AssertTheRealUserLogsInAsync();
    }

    [Test]
    public async Task Generated_hostile_requests_in_parallel_bursts_get_the_envelope_and_leave_nothing_held()
    {
        await Request.SampleAsync(AssertAnsweredWellAsync, iter: Cases, threads: 8, print: r => r.ToString());

        Assert.That(Hasher.InFlight, Is.Zero, "every hashing slot came back");
        await AssertTheRealUserLogsInAsync();
    }

    private Argon2idPasswordHasher Hasher => Host.Services.GetRequiredService<Argon2idPasswordHasher>();

    private async Task AssertAnsweredWellAsync(HostileRequest hostile)
    {
        using var request = new HttpRequestMessage(hostile.Method, hostile.Path);
        request.Headers.Add("Cookie", hostile.SignedIn ? $"dd_csrf={_csrfCookie}; dd_session={_targetSession}" : $"dd_csrf={_csrfCookie}");
        request.Headers.ConnectionClose = true; // a connection per case: what one case does to its connection touches no other
        if (hostile.WithCsrfToken)
        {
            request.Headers.Add("X-CSRF-Token", _csrfToken);
        }

        if (hostile.Method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(hostile.BodyBytes);
            if (MediaTypeHeaderValue.TryParse(hostile.ContentType, out var type))
            {
                request.Content.Headers.ContentType = type;
            }
        }

        HttpResponseMessage sent;
        try
        {
            sent = await _raw.SendAsync(request);
        }
        catch (HttpRequestException) when (hostile.BodyBytes.Length > RequestBody.MaxBytes)
        {
            return; // refused with 413 and the connection closed while the client was still writing: as meant
        }

        using var response = sent;
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;

        Assert.That(status, Is.LessThan(500).Or.EqualTo(503), $"{status} {Truncate(body)}");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), $"{status} {Truncate(body)}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (status < 400)
        {
            Assert.That(root.GetProperty("success").GetBoolean(), Is.True);
        }
        else
        {
            var errors = root.GetProperty("errors");
            Assert.That(errors.GetProperty("type").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(errors.GetProperty("more info").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(errors.GetProperty("message").ValueKind, Is.EqualTo(JsonValueKind.String).Or.EqualTo(JsonValueKind.Object));
        }
    }

    private async Task AssertTheRealUserLogsInAsync()
    {
        using var fresh = Host.NewClient();
        var login = await fresh.LoginAsync(_ownerForm.UserName, _ownerForm.Password);
        Assert.That(login.Status, Is.EqualTo(HttpStatusCode.OK), login.ToString());
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;

    public sealed record HostileRequest(HttpMethod Method, string Path, string ContentType, string Body, bool WithCsrfToken, bool SignedIn)
    {
        /// <summary>The body as bytes: a form is percent-encoded already; JSON escapes everything outside ASCII.</summary>
        public byte[] BodyBytes => Encoding.Latin1.GetBytes(Body.Select(c => c > 0xFF ? '?' : c).ToArray());

        public override string ToString() =>
            $"{Method} {Path} [{ContentType}] csrf={WithCsrfToken} signedIn={SignedIn} body({Body.Length}): {(Body.Length > 200 ? Body[..200] + "…" : Body)}";
    }
}
