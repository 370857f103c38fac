using System.Net;
using DoubleDibz.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DoubleDibz.IntegrationTests.Auth;

/// <summary>
/// Login of a two-factor account (contract: "Two-factor sign-in"): the password step answers 401 "Two-factor
/// required" with a pending cookie and no session; <c>POST /api/auth/login/2fa</c> completes it.
/// </summary>
public class TwoFactorLoginTests
{
    private const string TwoFactorRequiredBody =
        """{"errors":{"message":"Enter the code from your authenticator app","type":"Two-factor required","more info":""}}""";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private ApiHost _host = null!;
    private ApiClient _client = null!;

    [OneTimeSetUp]
    public void StartHost() => _host = new ApiHost(services: s => s.AddSingleton<TimeProvider>(_clock));

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    [SetUp]
    public void NewClient() => _client = _host.NewClient();

    [TearDown]
    public void DisposeClient() => _client.Dispose();

    private string Code(TwoFactorUser user) => Authenticator.CodeAt(user.Secret, _clock.GetUtcNow());

    private string WrongCode(TwoFactorUser user, int seed = 0) => Authenticator.WrongCodeAt(user.Secret, _clock.GetUtcNow(), seed);

    /// <summary>A two-factor user, set up by another browser, which then signs out; <see cref="_client"/> is a new browser.</summary>
    private async Task<TwoFactorUser> TwoFactorUserAsync()
    {
        using var owner = _host.NewClient();
        return await Authenticator.EnabledUserAsync(owner, _clock);
    }

    [Test]
    public async Task The_right_password_returns_401_two_factor_required_and_no_session()
    {
        var user = await TwoFactorUserAsync();

        var response = await _client.LoginAsync(user.UserName, user.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Body, Is.EqualTo(TwoFactorRequiredBody));
        Assert.That(_client.SessionCookie, Is.Null);
        Assert.That((await _client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_right_password_sets_a_short_lived_http_only_pending_cookie()
    {
        var user = await TwoFactorUserAsync();

        var response = await _client.LoginAsync(user.UserName, user.Password);

        var cookie = response.SetCookie("dd_2fa");
        Assert.That(cookie, Does.Contain("httponly").And.Contain("samesite=lax").And.Contain("path=/").And.Contain("max-age=300"));
        Assert.That(response.SetCookies.Any(c => c.StartsWith("dd_session=", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public async Task A_wrong_password_of_a_two_factor_user_answers_like_any_wrong_password()
    {
        var user = await TwoFactorUserAsync();
        var plain = SignupForm.Valid();
        using (var owner = _host.NewClient())
        {
            await owner.SignupAsync(plain);
        }

        var twoFactor = await _client.LoginAsync(user.UserName, "not the password");
        var ordinary = await _client.LoginAsync(plain.UserName, "not the password");

        Assert.That(twoFactor.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(twoFactor.Body, Is.EqualTo(ordinary.Body));
        Assert.That(twoFactor.SetCookies, Is.Empty);
    }

    [Test]
    public async Task The_second_step_with_a_code_signs_in_like_a_login()
    {
        var user = await TwoFactorUserAsync();
        await _client.LoginAsync(user.UserName, user.Password);

        var response = await _client.SecondStepAsync(Code(user));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        Assert.That(response.Message, Is.EqualTo("You have successfully logged in"));
        Assert.That(response.Json.GetProperty("data").GetProperty("user_name").GetString(), Is.EqualTo(user.UserName));
        Assert.That(response.SetCookie("dd_session"), Does.Contain("httponly"));
        Assert.That((await _client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_second_step_ends_the_pending_sign_in_and_its_cookie()
    {
        var user = await TwoFactorUserAsync();
        await _client.LoginAsync(user.UserName, user.Password);

        var response = await _client.SecondStepAsync(Code(user));

        Assert.That(response.SetCookie("dd_2fa"), Does.Contain("expires=thu, 01 jan 1970"));
        Assert.That(DatabaseProbe.PendingSignInCountOf(_host.DatabaseFile, user.UserName), Is.Zero);
    }

    [Test]
    public async Task The_second_step_with_a_recovery_code_signs_in()
    {
        var user = await TwoFactorUserAsync();
        await _client.LoginAsync(user.UserName, user.Password);

        var response = await _client.SecondStepWithRecoveryCodeAsync(user.RecoveryCodes[3].ToLowerInvariant());

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
    }

    [Test]
    public async Task A_recovery_code_works_once()
    {
        var user = await TwoFactorUserAsync();
        await _client.LoginAsync(user.UserName, user.Password);
        await _client.SecondStepWithRecoveryCodeAsync(user.RecoveryCodes[0]);
        using var again = _host.NewClient();
        await again.LoginAsync(user.UserName, user.Password);

        var response = await again.SecondStepWithRecoveryCodeAsync(user.RecoveryCodes[0]);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo("""{"recovery_code":["The code is not valid"]}"""));
    }

    [Test]
    public async Task A_wrong_code_returns_422_under_code()
    {
        var user = await TwoFactorUserAsync();
        await _client.LoginAsync(user.UserName, user.Password);

        var response = await _client.SecondStepAsync(WrongCode(user));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Body, Is.EqualTo("""{"errors":{"message":{"code":["The code is not valid"]},"type":"Form validation error","more info":""}}"""));
    }

    [Test]
    public async Task A_used_code_is_refused_when_replayed_in_its_window()
    {
        var user = await TwoFactorUserAsync();
        var code = Code(user);
        await _client.LoginAsync(user.UserName, user.Password);
        await _client.SecondStepAsync(code);
        using var attacker = _host.NewClient();
        await attacker.LoginAsync(user.UserName, user.Password);

        var replay = await attacker.SecondStepAsync(code);

        Assert.That(replay.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public async Task A_code_of_the_next_step_is_accepted_after_one_was_used()
    {
        var user = await TwoFactorUserAsync();
        await _client.LoginAsync(user.UserName, user.Password);
        await _client.SecondStepAsync(Code(user));
        _clock.Advance(TimeSpan.FromSeconds(30));
        using var later = _host.NewClient();
        await later.LoginAsync(user.UserName, user.Password);

        var response = await later.SecondStepAsync(Code(user));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task After_five_wrong_codes_the_pending_sign_in_is_gone()
    {
        var user = await TwoFactorUserAsync();
        await _client.LoginAsync(user.UserName, user.Password);
        for (var i = 0; i < 5; i++)
        {
            await _client.SecondStepAsync(WrongCode(user, i));
        }

        _clock.Advance(TimeSpan.FromMinutes(16)); // past any back-off the guesses started
        var response = await _client.SecondStepAsync(Code(user));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Body, Is.EqualTo(ApiResponse.NotAuthorizedBody));
    }

    [Test]
    public async Task An_expired_pending_sign_in_answers_401()
    {
        var user = await TwoFactorUserAsync();
        await _client.LoginAsync(user.UserName, user.Password);

        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var response = await _client.SecondStepAsync(Code(user));

        Assert.That(response.Body, Is.EqualTo(ApiResponse.NotAuthorizedBody));
    }

    [Test]
    public async Task The_second_step_without_a_pending_sign_in_answers_401()
    {
        var response = await _client.SecondStepAsync("123456");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Body, Is.EqualTo(ApiResponse.NotAuthorizedBody));
    }

    [Test]
    public async Task A_forged_pending_cookie_answers_401()
    {
        _client.Cookies.Add(_client.BaseAddress, new Cookie("dd_2fa", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        var response = await _client.SecondStepAsync("123456");

        Assert.That(response.Body, Is.EqualTo(ApiResponse.NotAuthorizedBody));
    }

    [Test]
    public async Task Remember_me_of_the_password_step_carries_over_to_the_session()
    {
        var user = await TwoFactorUserAsync();
        await _client.LoginAsync(user.UserName, user.Password, rememberMe: true);

        var response = await _client.SecondStepAsync(Code(user));

        Assert.That(response.SetCookie("dd_session"), Does.Contain("expires=").And.Contain("max-age="));
    }

    [Test]
    public async Task Without_remember_me_the_session_cookie_is_a_browser_session_cookie()
    {
        var user = await TwoFactorUserAsync();
        await _client.LoginAsync(user.UserName, user.Password, rememberMe: false);

        var response = await _client.SecondStepAsync(Code(user));

        Assert.That(response.SetCookie("dd_session"), Does.Not.Contain("expires=").And.Not.Contain("max-age="));
    }

    [Test]
    public async Task A_user_without_two_factor_signs_in_with_the_password_alone()
    {
        var plain = SignupForm.Valid();
        using (var owner = _host.NewClient())
        {
            await owner.SignupAsync(plain);
        }

        var response = await _client.LoginAsync(plain.UserName, plain.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_client.PendingSignInCookie, Is.Null);
    }

    [Test]
    public async Task Sending_both_a_code_and_a_recovery_code_returns_422()
    {
        var user = await TwoFactorUserAsync();
        await _client.LoginAsync(user.UserName, user.Password);

        var response = await _client.PostJsonAsync("/api/auth/login/2fa", new { code = Code(user), recovery_code = user.RecoveryCodes[0] });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public async Task The_second_step_needs_a_csrf_token()
    {
        var user = await TwoFactorUserAsync();
        await _client.LoginAsync(user.UserName, user.Password);

        var response = await _client.PostJsonAsync("/api/auth/login/2fa", new { code = Code(user) }, withCsrf: false);

        Assert.That(response.ErrorType, Is.EqualTo("CSRF error"));
    }

    [Test]
    public async Task The_second_step_accepts_a_form_body()
    {
        var user = await TwoFactorUserAsync();
        await _client.LoginAsync(user.UserName, user.Password);

        var response = await _client.PostFormAsync("/api/auth/login/2fa", new Dictionary<string, string> { ["code"] = Code(user) });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Wrong_codes_count_toward_the_account_back_off()
    {
        var user = await TwoFactorUserAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var browser = _host.NewClient();
            var login = await browser.LoginAsync(user.UserName, user.Password);
            statuses.Add(login.Status == HttpStatusCode.Unauthorized ? (await browser.SecondStepAsync(WrongCode(user, i))).Status : login.Status);
        }

        Assert.That(statuses, Does.Contain(HttpStatusCode.TooManyRequests));
    }
}
