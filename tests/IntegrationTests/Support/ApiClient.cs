using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DoubleDibz.IntegrationTests.Support;

/// <summary>
/// One browser's worth of client: its own cookie jar, and the CSRF token it read once (as the original jQuery
/// page does at load). Requests carry the token unless told not to.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;
    private string? _csrfToken;

    public ApiClient(Uri baseAddress, CookieContainer? cookies = null, string? csrfToken = null)
    {
        Cookies = cookies ?? new CookieContainer();
        _csrfToken = csrfToken;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress => _http.BaseAddress!;

    public string? SessionCookie => Cookies.GetCookies(BaseAddress)["dd_session"]?.Value;

    /// <summary>The same browser (cookies and token) talking to another instance, or to this one after a restart.</summary>
    public ApiClient SameBrowserAt(ApiHost host) => SameBrowserAt(host.BaseAddress);

    public ApiClient SameBrowserAt(Uri address)
    {
        // Cookies are per host, and each instance listens on its own port of 127.0.0.1: copy them across.
        var cookies = new CookieContainer();
        foreach (Cookie cookie in Cookies.GetCookies(BaseAddress))
        {
            cookies.Add(address, new Cookie(cookie.Name, cookie.Value));
        }

        return new ApiClient(address, cookies, _csrfToken);
    }

    public async Task<string> CsrfTokenAsync()
    {
        if (_csrfToken is null)
        {
            var response = await GetAsync("/api/auth/csrf");
            _csrfToken = response.Json.GetProperty("data").GetProperty("csrf_token").GetString()!;
        }

        return _csrfToken;
    }

    /// <summary>Sends <paramref name="name"/> on every later request (e.g. a correlation id).</summary>
    public void AddHeader(string name, string value) => _http.DefaultRequestHeaders.Add(name, value);

    public Task<ApiResponse> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<ApiResponse> PostJsonAsync(string path, object body, bool withCsrf = true) => SendJsonAsync(HttpMethod.Post, path, body, withCsrf);

    /// <summary>A state-changing call (POST, PATCH, DELETE) with a JSON body, or none when <paramref name="body"/> is null.</summary>
    public async Task<ApiResponse> SendJsonAsync(HttpMethod method, string path, object? body, bool withCsrf = true)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (withCsrf)
        {
            request.Headers.Add("X-CSRF-Token", await CsrfTokenAsync());
        }

        return await SendAsync(request);
    }

    /// <summary>A form post, as jQuery's <c>$.post</c> sends it, with the token as the <c>csrf_token</c> field.</summary>
    public async Task<ApiResponse> PostFormAsync(string path, IDictionary<string, string> fields, bool withCsrf = true)
    {
        var all = new Dictionary<string, string>(fields);
        if (withCsrf)
        {
            all["csrf_token"] = await CsrfTokenAsync();
        }

        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(all) });
    }

    public Task<ApiResponse> SignupAsync(SignupForm form) => PostJsonAsync("/api/auth/signup", form.ToJson());

    public Task<ApiResponse> LoginAsync(string login, string password, bool rememberMe = false) =>
        PostJsonAsync("/api/auth/login", new Dictionary<string, object> { ["login"] = login, ["password"] = password, ["remember_me"] = rememberMe });

    public Task<ApiResponse> LogoutAsync() => PostJsonAsync("/api/auth/logout", new { });

    public Task<ApiResponse> VerifyAuthAsync() => GetAsync("/api/auth/verify_auth");

    public Task<ApiResponse> ChangePasswordAsync(string currentPassword, string password, string? confirm = null) =>
        PostJsonAsync("/api/auth/password/change", new { current_password = currentPassword, password, confirm = confirm ?? password });

    public Task<ApiResponse> SessionsAsync() => GetAsync("/api/account/sessions");

    public Task<ApiResponse> EndSessionAsync(string id) => SendJsonAsync(HttpMethod.Delete, $"/api/account/sessions/{id}", body: null);

    public Task<ApiResponse> EndOtherSessionsAsync() => SendJsonAsync(HttpMethod.Delete, "/api/account/sessions", body: null);

    public Task<ApiResponse> UpdateProfileAsync(object fields) => SendJsonAsync(HttpMethod.Patch, "/api/account", fields);

    public Task<ApiResponse> DeleteAccountAsync(string password) => SendJsonAsync(HttpMethod.Delete, "/api/account", new { password });

    // Two-factor sign-in (issue 14).

    public string? PendingSignInCookie => Cookies.GetCookies(BaseAddress)["dd_2fa"]?.Value;

    public Task<ApiResponse> SetupTwoFactorAsync(string password) => PostJsonAsync("/api/account/2fa/setup", new { password });

    public Task<ApiResponse> EnableTwoFactorAsync(string code) => PostJsonAsync("/api/account/2fa/enable", new { code });

    public Task<ApiResponse> DisableTwoFactorAsync(string password, string code) => PostJsonAsync("/api/account/2fa/disable", new { password, code });

    public Task<ApiResponse> RegenerateRecoveryCodesAsync(string password) => PostJsonAsync("/api/account/2fa/recovery_codes", new { password });

    public Task<ApiResponse> SecondStepAsync(string code) => PostJsonAsync("/api/auth/login/2fa", new { code });

    public Task<ApiResponse> SecondStepWithRecoveryCodeAsync(string recoveryCode) => PostJsonAsync("/api/auth/login/2fa", new { recovery_code = recoveryCode });
    // Issue 12: e-mail.
    public Task<ApiResponse> ForgotPasswordAsync(string login) => PostJsonAsync("/api/auth/password/forgot", new { login });

    public Task<ApiResponse> ResetPasswordAsync(string token, string password, string? confirm = null) =>
        PostJsonAsync("/api/auth/password/reset", new { token, password, confirm = confirm ?? password });

    public Task<ApiResponse> ConfirmEmailAsync(string token) => PostJsonAsync("/api/auth/email/confirm", new { token });

    public Task<ApiResponse> ResendConfirmationAsync() => PostJsonAsync("/api/auth/email/resend", new { });

    public Task<ApiResponse> ChangeEmailAsync(string password, string email) => PostJsonAsync("/api/account/email", new { password, email });

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, response.Headers, response.Content.Headers, body);
    }

    public void Dispose() => _http.Dispose();
}

public sealed record ApiResponse(
    HttpStatusCode Status,
    System.Net.Http.Headers.HttpResponseHeaders Headers,
    System.Net.Http.Headers.HttpContentHeaders ContentHeaders,
    string Body)
{
    /// <summary>The contract's exact 401 body.</summary>
    public const string NotAuthorizedBody = """{"errors":{"message":"You're not authorized!","type":"Unauthorized","more info":""}}""";

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Message => Json.TryGetProperty("message", out var m) ? m.GetString() : null;

    public JsonElement Error => Json.GetProperty("errors");

    public string? ErrorType => Error.GetProperty("type").GetString();

    public IEnumerable<string> SetCookies => Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    /// <summary>The Set-Cookie header for <paramref name="name"/>, lower-cased for attribute checks.</summary>
    public string SetCookie(string name) => SetCookies.Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).ToLowerInvariant();

    public override string ToString() => $"{(int)Status} {Body}";
}
