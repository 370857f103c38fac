using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Account;

public class ChangePasswordTests : ApiTest
{
    private const string NewPassword = "a brand new passphrase";

    [Test]
    public async Task Change_password_returns_200_with_the_message_and_the_user()
    {
        var form = await SignedUpUserAsync();

        var response = await Client.ChangePasswordAsync(form.Password, NewPassword);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        Assert.That(response.Message, Is.EqualTo("Your password has been changed"));
        Assert.That(response.Json.GetProperty("data").GetProperty("user_name").GetString(), Is.EqualTo(form.UserName));
    }

    [Test]
    public async Task Change_password_stores_a_new_hash_so_only_the_new_password_logs_in()
    {
        var form = await SignedUpUserAsync();
        var before = DatabaseProbe.PasswordHashOf(Host.DatabaseFile, form.UserName);

        await Client.ChangePasswordAsync(form.Password, NewPassword);

        Assert.That(DatabaseProbe.PasswordHashOf(Host.DatabaseFile, form.UserName), Is.Not.EqualTo(before));
        using var browser = Host.NewClient();
        Assert.That((await browser.LoginAsync(form.UserName, form.Password)).ErrorType, Is.EqualTo("Wrong Authentication"));
        Assert.That((await browser.LoginAsync(form.UserName, NewPassword)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Change_password_ends_every_other_session_at_once()
    {
        var form = await SignedUpUserAsync();
        using var otherDevice = Host.NewClient();
        await otherDevice.LoginAsync(form.UserName, form.Password);

        await Client.ChangePasswordAsync(form.Password, NewPassword);

        Assert.That((await otherDevice.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(DatabaseProbe.SessionCountOf(Host.DatabaseFile, form.UserName), Is.EqualTo(1));
    }

    [Test]
    public async Task Change_password_keeps_the_caller_signed_in_under_a_new_cookie_and_ends_the_old_one()
    {
        var form = await SignedUpUserAsync();
        var oldCookie = Client.SessionCookie!;

        var response = await Client.ChangePasswordAsync(form.Password, NewPassword);

        Assert.That(response.SetCookie("dd_session"), Does.Not.Contain(oldCookie.ToLowerInvariant()));
        Assert.That(Client.SessionCookie, Is.Not.EqualTo(oldCookie));
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
        using var replay = Host.NewClient();
        replay.Cookies.Add(replay.BaseAddress, new Cookie("dd_session", oldCookie));
        Assert.That((await replay.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Change_password_from_a_remember_me_session_keeps_a_persistent_cookie()
    {
        var form = await SignedUpUserAsync();
        using var rememberMe = Host.NewClient();
        await rememberMe.LoginAsync(form.UserName, form.Password, rememberMe: true);

        var response = await rememberMe.ChangePasswordAsync(form.Password, NewPassword);

        Assert.That(response.SetCookie("dd_session"), Does.Contain("expires="));
    }

    [Test]
    public async Task Wrong_current_password_returns_422_under_current_password_and_changes_nothing()
    {
        var form = await SignedUpUserAsync();
        var before = DatabaseProbe.PasswordHashOf(Host.DatabaseFile, form.UserName);
        using var otherDevice = Host.NewClient();
        await otherDevice.LoginAsync(form.UserName, form.Password);

        var response = await Client.ChangePasswordAsync("not my password", NewPassword);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo("""{"current_password":["Current password is incorrect"]}"""));
        Assert.That(response.ErrorType, Is.EqualTo("Form validation error"));
        Assert.That(DatabaseProbe.PasswordHashOf(Host.DatabaseFile, form.UserName), Is.EqualTo(before));
        Assert.That((await otherDevice.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Wrong_current_passwords_count_toward_the_accounts_back_off()
    {
        var form = await SignedUpUserAsync();
        for (var i = 0; i < 5; i++)
        {
            await Client.ChangePasswordAsync("not my password", NewPassword);
        }

        var response = await Client.ChangePasswordAsync(form.Password, NewPassword);
        using var browser = Host.NewClient();
        var login = await browser.LoginAsync(form.UserName, form.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        Assert.That(login.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "the same back-off as the account's logins");
    }

    [Test]
    public async Task A_new_password_breaking_the_signup_rules_gets_their_messages()
    {
        var form = await SignedUpUserAsync();

        var tooShort = await Client.ChangePasswordAsync(form.Password, "short");
        var mismatch = await Client.ChangePasswordAsync(form.Password, NewPassword, confirm: NewPassword + "!");
        var ownName = await Client.ChangePasswordAsync(form.Password, form.UserName);

        Assert.That(tooShort.Error.GetProperty("message").GetProperty("password")[0].GetString(), Does.StartWith("Password must be between"));
        Assert.That(mismatch.Error.GetProperty("message").GetProperty("confirm")[0].GetString(), Is.EqualTo("Passwords must match"));
        Assert.That(ownName.Error.GetProperty("message").GetProperty("password")[0].GetString(), Is.EqualTo("Password must not be the same as your username or email"));
    }

    [Test]
    public async Task Missing_fields_are_each_required()
    {
        await SignedUpUserAsync();

        var response = await Client.PostJsonAsync("/api/auth/password/change", new { });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var fields = response.Error.GetProperty("message");
        Assert.That(new[] { "current_password", "password", "confirm" }.All(f => fields.TryGetProperty(f, out _)), Is.True, response.ToString());
    }

    [Test]
    public async Task Change_password_accepts_a_form_body()
    {
        var form = await SignedUpUserAsync();

        var response = await Client.PostFormAsync("/api/auth/password/change", new Dictionary<string, string>
        {
            ["current_password"] = form.Password,
            ["password"] = NewPassword,
            ["confirm"] = NewPassword,
        });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
    }

    [Test]
    public async Task Change_password_without_a_session_returns_401_even_with_invalid_fields()
    {
        var response = await Client.PostJsonAsync("/api/auth/password/change", new { password = "x" });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Body, Is.EqualTo(ApiResponse.NotAuthorizedBody));
    }

    [Test]
    public async Task Change_password_without_a_csrf_token_returns_400()
    {
        var form = await SignedUpUserAsync();

        var response = await Client.PostJsonAsync("/api/auth/password/change", new { current_password = form.Password, password = NewPassword, confirm = NewPassword }, withCsrf: false);

        Assert.That(response.ErrorType, Is.EqualTo("CSRF error"));
    }

    [Test]
    public async Task Change_password_is_audited_without_any_password_in_the_log()
    {
        var form = await SignedUpUserAsync();

        await Client.ChangePasswordAsync(form.Password, NewPassword);

        Assert.That(Host.Logs.Lines, Has.Some.Contains("changed their password"));
        Assert.That(Host.Logs.Lines, Has.None.Contains(NewPassword));
        Assert.That(Host.Logs.Lines, Has.None.Contains(form.Password));
    }
}
