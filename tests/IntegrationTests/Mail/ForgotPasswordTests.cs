using System.Diagnostics;
using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Mail;

/// <summary>Forgotten password and reset, through the real message in the pickup folder.</summary>
public class ForgotPasswordTests : ApiTest
{
    private const string NewPassword = "a brand new passphrase";
    private const string ForgotMessage = "If an account matches, we've sent it an e-mail with a link to reset the password";
    private const string InvalidLink = """{"token":["This link is invalid or has expired"]}""";

    private async Task<string> ResetTokenAsync(SignupForm form, int count = 1)
    {
        var messages = await Host.Mailbox.WaitForAsync(form.Email, "Reset your password", count);
        return Mailbox.TokenIn(messages[^1], "reset-password");
    }

    private async Task<(SignupForm Form, string Token)> ForgottenAsync()
    {
        using var owner = Host.NewClient();
        var form = await SignedUpUserAsync(owner);
        Assert.That((await Client.ForgotPasswordAsync(form.UserName)).Status, Is.EqualTo(HttpStatusCode.OK));
        return (form, await ResetTokenAsync(form));
    }

    [Test]
    public async Task Forgot_returns_200_with_the_contract_message()
    {
        var response = await Client.ForgotPasswordAsync("nobody-at-all");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Message, Is.EqualTo(ForgotMessage));
    }

    [Test]
    public async Task Forgot_answers_byte_for_byte_the_same_for_an_existing_and_a_missing_account()
    {
        var form = await SignedUpUserAsync();
        using var anonymous = Host.NewClient();

        var known = await anonymous.ForgotPasswordAsync(form.UserName);
        var unknown = await anonymous.ForgotPasswordAsync(form.UserName + "zz");

        Assert.That(unknown.Status, Is.EqualTo(known.Status));
        Assert.That(unknown.Body, Is.EqualTo(known.Body));
        Assert.That(unknown.ContentHeaders.ContentType?.ToString(), Is.EqualTo(known.ContentHeaders.ContentType?.ToString()));
        Assert.That(unknown.Headers.CacheControl?.ToString(), Is.EqualTo(known.Headers.CacheControl?.ToString()));
        Assert.That(unknown.SetCookies, Is.EqualTo(known.SetCookies));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Forgot_by_user_name_or_email_sends_a_reset_link_to_the_accounts_address(bool byEmail)
    {
        var form = await SignedUpUserAsync();

        await Client.ForgotPasswordAsync(byEmail ? form.Email.ToUpperInvariant() : form.UserName);
        var message = await Host.Mailbox.WaitForOneAsync(form.Email, "Reset your password");

        Assert.That(Mailbox.LinkIn(message, "reset-password"), Does.StartWith("http://localhost:5000/reset-password?token="));
        Assert.That(message.HtmlBody, Does.Contain("/reset-password?token="));
    }

    [Test]
    public async Task Forgot_with_an_empty_login_returns_422()
    {
        var response = await Client.ForgotPasswordAsync("");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").TryGetProperty("login", out _), Is.True);
    }

    [Test]
    public async Task Forgot_is_limited_per_account_and_a_missing_account_is_limited_the_same()
    {
        var form = await SignedUpUserAsync();
        var missing = form.UserName + "missing";
        for (var i = 0; i < 3; i++)
        {
            Assert.That((await Client.ForgotPasswordAsync(form.UserName)).Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await Client.ForgotPasswordAsync(missing)).Status, Is.EqualTo(HttpStatusCode.OK));
        }

        var known = await Client.ForgotPasswordAsync(form.UserName);
        var unknown = await Client.ForgotPasswordAsync(missing);

        Assert.That(known.Status, Is.EqualTo((HttpStatusCode)429));
        Assert.That(unknown.Status, Is.EqualTo((HttpStatusCode)429));
        Assert.That(unknown.Body, Is.EqualTo(known.Body));
        Assert.That(known.Headers.RetryAfter, Is.Not.Null);
    }

    [Test]
    public async Task Reset_with_the_token_from_the_message_sets_the_password_and_returns_200()
    {
        var (form, token) = await ForgottenAsync();

        var response = await Client.ResetPasswordAsync(token, NewPassword);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        Assert.That(response.Message, Is.EqualTo("Your password has been reset. Please log in."));
        Assert.That((await Client.LoginAsync(form.UserName, form.Password)).Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await Client.LoginAsync(form.UserName, NewPassword)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Reset_ends_every_session_of_the_user_and_leaves_the_caller_signed_out()
    {
        var form = await SignedUpUserAsync();
        using var otherDevice = Host.NewClient();
        await otherDevice.LoginAsync(form.UserName, form.Password);
        await Client.ForgotPasswordAsync(form.UserName);
        var token = await ResetTokenAsync(form);

        await Client.ResetPasswordAsync(token, NewPassword);

        Assert.That((await otherDevice.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(DatabaseProbe.SessionCountOf(Host.DatabaseFile, form.UserName), Is.Zero);
    }

    [Test]
    public async Task Reset_marks_the_address_confirmed()
    {
        var (form, token) = await ForgottenAsync();

        await Client.ResetPasswordAsync(token, NewPassword);
        var login = await Client.LoginAsync(form.UserName, NewPassword);

        Assert.That(login.Json.GetProperty("data").GetProperty("email_confirmed").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Reset_clears_the_accounts_login_backoff()
    {
        var form = await SignedUpUserAsync();
        using var attacker = Host.NewClient();
        HttpStatusCode status;
        do
        {
            status = (await attacker.LoginAsync(form.UserName, "wrong guess")).Status;
        }
        while (status != (HttpStatusCode)429);

        await Client.ForgotPasswordAsync(form.UserName);
        await Client.ResetPasswordAsync(await ResetTokenAsync(form), NewPassword);

        Assert.That((await Client.LoginAsync(form.UserName, NewPassword)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Reset_with_a_used_token_returns_422()
    {
        var (_, token) = await ForgottenAsync();
        await Client.ResetPasswordAsync(token, NewPassword);

        var response = await Client.ResetPasswordAsync(token, "yet another passphrase");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo(InvalidLink));
    }

    [Test]
    public async Task Reset_with_an_expired_token_returns_422()
    {
        var (_, token) = await ForgottenAsync();
        DatabaseProbe.Execute(Host.DatabaseFile, "UPDATE AccountTokens SET ExpiresAt = 0 WHERE Purpose = 2");

        var response = await Client.ResetPasswordAsync(token, NewPassword);

        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo(InvalidLink));
    }

    [Test]
    public async Task Reset_with_a_confirmation_token_returns_422()
    {
        var form = await SignedUpUserAsync();
        var confirmToken = Mailbox.TokenIn(await Host.Mailbox.WaitForOneAsync(form.Email, "Confirm your e-mail address"), "confirm-email");

        var response = await Client.ResetPasswordAsync(confirmToken, NewPassword);

        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo(InvalidLink));
    }

    [Test]
    public async Task Reset_refused_for_its_password_returns_422_and_keeps_the_token_usable()
    {
        var (form, token) = await ForgottenAsync();

        var refused = await Client.ResetPasswordAsync(token, form.UserName);

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), refused.ToString());
        Assert.That(refused.Error.GetProperty("message").TryGetProperty("password", out _), Is.True);
        Assert.That((await Client.ResetPasswordAsync(token, NewPassword)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Reset_with_confirm_not_matching_returns_422_under_confirm()
    {
        var (_, token) = await ForgottenAsync();

        var response = await Client.ResetPasswordAsync(token, NewPassword, "something else entirely");

        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo("""{"confirm":["Passwords must match"]}"""));
    }

    [Test]
    public async Task A_newer_forgot_request_voids_the_older_link()
    {
        var (form, first) = await ForgottenAsync();
        await Client.ForgotPasswordAsync(form.UserName);
        var second = await ResetTokenAsync(form, count: 2);

        Assert.That((await Client.ResetPasswordAsync(first, NewPassword)).Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await Client.ResetPasswordAsync(second, NewPassword)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_password_change_voids_the_reset_link()
    {
        var form = await SignedUpUserAsync();
        await Client.ForgotPasswordAsync(form.UserName);
        var token = await ResetTokenAsync(form);
        await Client.ChangePasswordAsync(form.Password, NewPassword);

        var response = await Client.ResetPasswordAsync(token, "yet another passphrase");

        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo(InvalidLink));
    }

    [Test]
    public async Task Forgot_for_a_missing_account_sends_nothing_and_stores_no_token()
    {
        var before = DatabaseProbe.AccountTokenCount(Host.DatabaseFile);

        await Client.ForgotPasswordAsync("nobody-here@example.com");

        Assert.That(DatabaseProbe.AccountTokenCount(Host.DatabaseFile), Is.EqualTo(before));
        Assert.That(DatabaseProbe.OutboxCount(Host.DatabaseFile, "nobody-here@example.com"), Is.Zero);
    }
}

/// <summary>Forgot-password takes as long for a missing account as for an existing one (the mail is only queued).</summary>
public class ForgotPasswordTimingTests : ApiTest
{
    protected override IReadOnlyDictionary<string, string?>? HostSettings => new Dictionary<string, string?> { ["Accounts:MailLimit:FreeMails"] = "1000" };

    [Test]
    public async Task Forgot_medians_for_existing_and_missing_accounts_are_within_a_factor_of_three()
    {
        var form = await SignedUpUserAsync();
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            await Client.ForgotPasswordAsync(form.UserName); // warm-up
            await Client.ForgotPasswordAsync("nobody" + i);
        }

        for (var i = 0; i < 30; i++)
        {
            known.Add(await TimeAsync(() => Client.ForgotPasswordAsync(form.UserName)));
            unknown.Add(await TimeAsync(() => Client.ForgotPasswordAsync("nobody" + i)));
        }

        var ratio = Median(known) / Median(unknown);
        Assert.That(ratio, Is.InRange(1 / 3.0, 3.0), $"known {Median(known):0.00} ms, unknown {Median(unknown):0.00} ms");
    }

    private static async Task<double> TimeAsync(Func<Task<ApiResponse>> request)
    {
        var watch = Stopwatch.StartNew();
        var response = await request();
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

/// <summary>With the per-client limits on, forgot-password has its own.</summary>
public class ForgotPasswordClientLimitTests : ApiTest
{
    protected override IReadOnlyDictionary<string, string?>? HostSettings => new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:ForgotPassword:PermitLimit"] = "2",
        ["RateLimiting:ForgotPassword:Window"] = "00:10:00",
    };

    [Test]
    public async Task Forgot_beyond_the_per_client_limit_returns_429_with_retry_after()
    {
        await Client.ForgotPasswordAsync("first");
        await Client.ForgotPasswordAsync("second");

        var refused = await Client.ForgotPasswordAsync("third");

        Assert.That(refused.Status, Is.EqualTo((HttpStatusCode)429));
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
    }
}
