using System.Net;
using DoubleDibz.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DoubleDibz.IntegrationTests.Account;

/// <summary>
/// The account's two-factor endpoints (contract: "Two-factor sign-in (TOTP, RFC 6238)"): set up, enable, disable,
/// recovery codes; over real HTTP, with the service's clock under the test's control so codes can be computed.
/// </summary>
public class TwoFactorTests
{
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

    private string Code(string secret) => Authenticator.CodeAt(secret, _clock.GetUtcNow());

    private async Task<SignupForm> SignedUpAsync()
    {
        var form = SignupForm.Valid();
        Assert.That((await _client.SignupAsync(form)).Status, Is.EqualTo(HttpStatusCode.Created));
        return form;
    }

    [Test]
    public async Task Setup_returns_a_160_bit_base32_secret_and_the_otpauth_uri()
    {
        var user = await SignedUpAsync();

        var response = await _client.SetupTwoFactorAsync(user.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        var data = response.Json.GetProperty("data");
        var secret = data.GetProperty("secret").GetString()!;
        Assert.That(secret, Does.Match("^[A-Z2-7]{32}$"));
        Assert.That(data.GetProperty("otpauth_uri").GetString(), Is.EqualTo(
            $"otpauth://totp/DoubleDibz:{user.UserName}?secret={secret}&issuer=DoubleDibz&algorithm=SHA1&digits=6&period=30"));
    }

    [Test]
    public async Task Setup_returns_the_qr_code_as_an_svg_document()
    {
        var user = await SignedUpAsync();

        var response = await _client.SetupTwoFactorAsync(user.Password);

        Assert.That(response.Json.GetProperty("data").GetProperty("qr_svg").GetString(), Does.Contain("<svg").And.Contain("</svg>"));
    }

    [Test]
    public async Task Setup_with_a_wrong_password_returns_422_under_password()
    {
        await SignedUpAsync();

        var response = await _client.SetupTwoFactorAsync("not my password at all");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").GetProperty("password")[0].GetString(), Is.EqualTo("Password is incorrect"));
    }

    [Test]
    public async Task Setup_without_a_session_returns_401()
    {
        var response = await _client.SetupTwoFactorAsync("whatever password");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Body, Is.EqualTo(ApiResponse.NotAuthorizedBody));
    }

    [Test]
    public async Task Setup_without_a_csrf_token_returns_400()
    {
        var user = await SignedUpAsync();

        var response = await _client.PostJsonAsync("/api/account/2fa/setup", new { password = user.Password }, withCsrf: false);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorType, Is.EqualTo("CSRF error"));
    }

    [Test]
    public async Task Setup_alone_enforces_nothing_at_login()
    {
        var user = await SignedUpAsync();
        await _client.SetupTwoFactorAsync(user.Password);
        using var other = _host.NewClient();

        var login = await other.LoginAsync(user.UserName, user.Password);

        Assert.That(login.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(login.Json.GetProperty("data").GetProperty("two_factor_enabled").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Enable_with_a_code_from_the_secret_returns_ten_recovery_codes()
    {
        var user = await SignedUpAsync();
        var secret = (await _client.SetupTwoFactorAsync(user.Password)).Json.GetProperty("data").GetProperty("secret").GetString()!;

        var response = await _client.EnableTwoFactorAsync(Code(secret));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        Assert.That(response.Message, Is.EqualTo("Two-factor sign-in is on"));
        var codes = response.Json.GetProperty("data").GetProperty("recovery_codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.That(codes, Has.Count.EqualTo(10));
        Assert.That(codes, Is.All.Match("^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$"));
        Assert.That(codes, Is.Unique);
    }

    [Test]
    public async Task Enable_shows_in_the_user_object_as_two_factor_enabled()
    {
        await Authenticator.EnabledUserAsync(_client, _clock);

        var me = await _client.VerifyAuthAsync();

        Assert.That(me.Json.GetProperty("data").GetProperty("two_factor_enabled").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Enable_with_a_wrong_code_returns_422_the_code_is_not_valid()
    {
        var user = await SignedUpAsync();
        var secret = (await _client.SetupTwoFactorAsync(user.Password)).Json.GetProperty("data").GetProperty("secret").GetString()!;

        var response = await _client.EnableTwoFactorAsync(Authenticator.WrongCodeAt(secret, _clock.GetUtcNow()));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo("""{"code":["The code is not valid"]}"""));
    }

    [Test]
    public async Task Enable_without_setup_returns_409()
    {
        await SignedUpAsync();

        var response = await _client.EnableTwoFactorAsync("123456");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Error.GetProperty("message").GetString(), Is.EqualTo("Set up two-factor sign-in first"));
    }

    [Test]
    public async Task Setup_while_two_factor_is_on_returns_409()
    {
        var user = await Authenticator.EnabledUserAsync(_client, _clock);

        var response = await _client.SetupTwoFactorAsync(user.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Error.GetProperty("message").GetString(), Is.EqualTo("Two-factor sign-in is already on"));
    }

    [Test]
    public async Task The_stored_secret_is_not_the_base32_secret()
    {
        var user = await Authenticator.EnabledUserAsync(_client, _clock);

        var (stored, _) = DatabaseProbe.TwoFactorColumnsOf(_host.DatabaseFile, user.UserName);

        Assert.That(stored, Is.Not.Null.And.Not.Contains(user.Secret));
    }

    [Test]
    public async Task Recovery_codes_are_stored_only_as_hashes()
    {
        var user = await Authenticator.EnabledUserAsync(_client, _clock);

        var (_, stored) = DatabaseProbe.TwoFactorColumnsOf(_host.DatabaseFile, user.UserName);

        var plain = user.RecoveryCodes.SelectMany(c => new[] { c, c.Replace("-", "", StringComparison.Ordinal) });
        Assert.That(plain.Where(c => stored.Contains(c, StringComparison.OrdinalIgnoreCase)), Is.Empty);
        Assert.That(stored.Split(','), Has.Length.EqualTo(10));
    }

    [Test]
    public async Task Disable_with_password_and_code_turns_it_off_and_the_password_alone_signs_in()
    {
        var user = await Authenticator.EnabledUserAsync(_client, _clock);

        var response = await _client.DisableTwoFactorAsync(user.Password, Code(user.Secret));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        Assert.That(response.Message, Is.EqualTo("Two-factor sign-in is off"));
        using var other = _host.NewClient();
        Assert.That((await other.LoginAsync(user.UserName, user.Password)).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(DatabaseProbe.TwoFactorColumnsOf(_host.DatabaseFile, user.UserName), Is.EqualTo(((string?)null, string.Empty)));
    }

    [Test]
    public async Task Disable_with_a_recovery_code_turns_it_off()
    {
        var user = await Authenticator.EnabledUserAsync(_client, _clock);

        var response = await _client.DisableTwoFactorAsync(user.Password, user.RecoveryCodes[0]);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        Assert.That((await _client.VerifyAuthAsync()).Json.GetProperty("data").GetProperty("two_factor_enabled").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Disable_with_a_wrong_code_returns_422_and_keeps_it_on()
    {
        var user = await Authenticator.EnabledUserAsync(_client, _clock);

        var response = await _client.DisableTwoFactorAsync(user.Password, Authenticator.WrongCodeAt(user.Secret, _clock.GetUtcNow()));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo("""{"code":["The code is not valid"]}"""));
        Assert.That((await _client.VerifyAuthAsync()).Json.GetProperty("data").GetProperty("two_factor_enabled").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Disable_with_a_wrong_password_returns_422_under_password()
    {
        var user = await Authenticator.EnabledUserAsync(_client, _clock);

        var response = await _client.DisableTwoFactorAsync("not my password at all", Code(user.Secret));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo("""{"password":["Password is incorrect"]}"""));
    }

    [Test]
    public async Task Disable_when_it_is_off_returns_409()
    {
        var user = await SignedUpAsync();

        var response = await _client.DisableTwoFactorAsync(user.Password, "123456");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Error.GetProperty("message").GetString(), Is.EqualTo("Two-factor sign-in is not on"));
    }

    [Test]
    public async Task Regenerating_recovery_codes_voids_the_old_set()
    {
        var user = await Authenticator.EnabledUserAsync(_client, _clock);

        var response = await _client.RegenerateRecoveryCodesAsync(user.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        var fresh = response.Json.GetProperty("data").GetProperty("recovery_codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.That(fresh, Has.Count.EqualTo(10));
        Assert.That(fresh.Intersect(user.RecoveryCodes), Is.Empty);
        using var oldCode = _host.NewClient();
        await oldCode.LoginAsync(user.UserName, user.Password);
        Assert.That((await oldCode.SecondStepWithRecoveryCodeAsync(user.RecoveryCodes[0])).Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        using var newCode = _host.NewClient();
        await newCode.LoginAsync(user.UserName, user.Password);
        Assert.That((await newCode.SecondStepWithRecoveryCodeAsync(fresh[0])).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Regenerating_recovery_codes_when_two_factor_is_off_returns_409()
    {
        var user = await SignedUpAsync();

        var response = await _client.RegenerateRecoveryCodesAsync(user.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task Every_two_factor_endpoint_answers_401_without_a_session()
    {
        var responses = new[]
        {
            await _client.EnableTwoFactorAsync("123456"),
            await _client.DisableTwoFactorAsync("password", "123456"),
            await _client.RegenerateRecoveryCodesAsync("password"),
        };

        Assert.That(responses.Select(r => r.Body), Is.All.EqualTo(ApiResponse.NotAuthorizedBody));
    }
}
