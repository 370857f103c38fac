using System.Net;
using System.Net.Http.Json;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Mail;

/// <summary>Confirming an address: the real message in the pickup folder, its link, and every answer of the contract.</summary>
public class EmailConfirmationTests : ApiTest
{
    private const string InvalidLink = """{"token":["This link is invalid or has expired"]}""";

    private async Task<string> ConfirmTokenAsync(SignupForm form) =>
        Mailbox.TokenIn(await Host.Mailbox.WaitForOneAsync(form.Email, "Confirm your e-mail address"), "confirm-email");

    [Test]
    public async Task Signup_answers_with_email_confirmed_false()
    {
        var response = await Client.SignupAsync(SignupForm.Valid());

        Assert.That(response.Json.GetProperty("data").GetProperty("email_confirmed").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Signup_sends_a_confirmation_message_in_text_and_html_linking_to_the_public_base_url()
    {
        var form = await SignedUpUserAsync();

        var message = await Host.Mailbox.WaitForOneAsync(form.Email, "Confirm your e-mail address");

        Assert.That(Mailbox.LinkIn(message, "confirm-email"), Does.StartWith("http://localhost:5000/confirm-email?token="));
        Assert.That(message.HtmlBody, Does.Contain("/confirm-email?token="));
        Assert.That(message.From.Mailboxes.Single().Address, Is.EqualTo("no-reply@localhost"));
    }

    [Test]
    public async Task Confirm_with_the_token_from_the_message_returns_200_and_the_confirmed_user_without_a_session()
    {
        var form = await SignedUpUserAsync();
        var token = await ConfirmTokenAsync(form);
        using var otherDevice = Host.NewClient();

        var response = await otherDevice.ConfirmEmailAsync(token);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        Assert.That(response.Message, Is.EqualTo("Your e-mail address is confirmed"));
        Assert.That(response.Json.GetProperty("data").GetProperty("email_confirmed").GetBoolean(), Is.True);
        Assert.That((await otherDevice.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Client.VerifyAuthAsync()).Json.GetProperty("data").GetProperty("email_confirmed").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Confirm_with_a_used_token_returns_422()
    {
        var form = await SignedUpUserAsync();
        var token = await ConfirmTokenAsync(form);
        await Client.ConfirmEmailAsync(token);

        var response = await Client.ConfirmEmailAsync(token);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo(InvalidLink));
        Assert.That(response.ErrorType, Is.EqualTo("Form validation error"));
    }

    [TestCase("")]
    [TestCase("not-a-token")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Confirm_with_an_unknown_token_returns_422_with_the_invalid_link_message(string token)
    {
        var response = await Client.ConfirmEmailAsync(token);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo(InvalidLink));
    }

    [Test]
    public async Task Confirm_with_an_expired_token_returns_422()
    {
        var form = await SignedUpUserAsync();
        var token = await ConfirmTokenAsync(form);
        DatabaseProbe.Execute(Host.DatabaseFile, "UPDATE AccountTokens SET ExpiresAt = 0");

        var response = await Client.ConfirmEmailAsync(token);

        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo(InvalidLink));
    }

    [Test]
    public async Task Confirm_with_a_password_reset_token_returns_422()
    {
        var form = await SignedUpUserAsync();
        await Client.ForgotPasswordAsync(form.UserName);
        var resetToken = Mailbox.TokenIn(await Host.Mailbox.WaitForOneAsync(form.Email, "Reset your password"), "reset-password");

        var response = await Client.ConfirmEmailAsync(resetToken);

        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo(InvalidLink));
    }

    [Test]
    public async Task Confirm_also_accepts_a_form_body()
    {
        var form = await SignedUpUserAsync();
        var token = await ConfirmTokenAsync(form);

        var response = await Client.PostFormAsync("/api/auth/email/confirm", new Dictionary<string, string> { ["token"] = token });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
    }

    [Test]
    public async Task Confirm_without_a_csrf_token_returns_400()
    {
        var response = await Client.PostJsonAsync("/api/auth/email/confirm", new { token = "x" }, withCsrf: false);

        Assert.That(response.ErrorType, Is.EqualTo("CSRF error"));
    }

    [Test]
    public async Task Resend_returns_200_and_a_new_link_that_voids_the_older_one()
    {
        var form = await SignedUpUserAsync();
        var first = await ConfirmTokenAsync(form);

        var response = await Client.ResendConfirmationAsync();
        var messages = await Host.Mailbox.WaitForAsync(form.Email, "Confirm your e-mail address", count: 2);
        var second = Mailbox.TokenIn(messages[^1], "confirm-email");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Message, Is.EqualTo("We've sent you a new confirmation e-mail"));
        Assert.That((await Client.ConfirmEmailAsync(first)).Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await Client.ConfirmEmailAsync(second)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Resend_when_already_confirmed_returns_200_and_sends_nothing()
    {
        var form = await SignedUpUserAsync();
        await Client.ConfirmEmailAsync(await ConfirmTokenAsync(form));

        var response = await Client.ResendConfirmationAsync();

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Message, Is.EqualTo("Your e-mail address is already confirmed"));
        Assert.That(DatabaseProbe.OutboxCount(Host.DatabaseFile, form.Email), Is.Zero);
        Assert.That(Host.Mailbox.To(form.Email), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Resend_without_a_session_returns_401()
    {
        var response = await Client.ResendConfirmationAsync();

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Body, Is.EqualTo(ApiResponse.NotAuthorizedBody));
    }

    [Test]
    public async Task Resend_is_limited_per_account_with_429_and_retry_after()
    {
        await SignedUpUserAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.That((await Client.ResendConfirmationAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
        }

        var refused = await Client.ResendConfirmationAsync();

        Assert.That(refused.Status, Is.EqualTo((HttpStatusCode)429));
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        Assert.That(refused.ErrorType, Is.EqualTo("Too Many Requests"));
    }

    [Test]
    public async Task Sent_mail_leaves_no_body_in_the_database_and_no_token_in_the_log()
    {
        var form = await SignedUpUserAsync();
        var token = await ConfirmTokenAsync(form);
        await Client.ConfirmEmailAsync(token);

        await Poll.UntilAsync(() => DatabaseProbe.OutboxCount(Host.DatabaseFile, form.Email) == 0);
        Assert.That(Host.Logs.Lines.Where(l => l.Contains(token, StringComparison.Ordinal)), Is.Empty);
    }
}

/// <summary><c>Accounts:RequireConfirmedEmail=true</c>: nobody signs in before the address is confirmed.</summary>
public class RequiredEmailConfirmationTests : ApiTest
{
    protected override IReadOnlyDictionary<string, string?>? HostSettings => new Dictionary<string, string?> { ["Accounts:RequireConfirmedEmail"] = "true" };

    [Test]
    public async Task Signup_answers_201_with_the_user_and_the_message_and_signs_nobody_in()
    {
        var response = await Client.SignupAsync(SignupForm.Valid());

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.ToString());
        Assert.That(response.Message, Is.EqualTo("We've sent you an e-mail to confirm your address"));
        Assert.That(response.SetCookies.Where(c => c.StartsWith("dd_session=", StringComparison.Ordinal)), Is.Empty);
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Login_with_the_right_password_of_an_unconfirmed_account_returns_403()
    {
        var form = SignupForm.Valid();
        await Client.SignupAsync(form);

        var response = await Client.LoginAsync(form.UserName, form.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.ErrorType, Is.EqualTo("Email not confirmed"));
        Assert.That(response.Error.GetProperty("message").GetString(), Is.EqualTo("Please confirm your e-mail address first"));
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Login_with_a_wrong_password_of_an_unconfirmed_account_returns_422_as_for_any_account()
    {
        var form = SignupForm.Valid();
        await Client.SignupAsync(form);

        var response = await Client.LoginAsync(form.UserName, "not the password");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.ErrorType, Is.EqualTo("Wrong Authentication"));
    }

    [Test]
    public async Task Login_after_confirming_the_address_succeeds()
    {
        var form = SignupForm.Valid();
        await Client.SignupAsync(form);
        var token = Mailbox.TokenIn(await Host.Mailbox.WaitForOneAsync(form.Email, "Confirm your e-mail address"), "confirm-email");
        await Client.ConfirmEmailAsync(token);

        var response = await Client.LoginAsync(form.UserName, form.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
    }
}

/// <summary>Links come from <c>App:PublicBaseUrl</c>, whatever Host header the request carried.</summary>
public class PublicBaseUrlTests
{
    [Test]
    public async Task Links_use_the_configured_public_base_url_not_the_host_header()
    {
        using var host = new ApiHost(settings: new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://auth.example.test/" });
        using var client = host.NewClient();
        client.AddHeader("X-Forwarded-Host", "evil.example");
        var form = SignupForm.Valid();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/signup")
        {
            Content = JsonContent.Create(form.ToJson()),
        };
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-CSRF-Token", await client.CsrfTokenAsync());
        await client.SendAsync(request);

        var message = await host.Mailbox.WaitForOneAsync(form.Email, "Confirm your e-mail address");

        Assert.That(Mailbox.LinkIn(message, "confirm-email"), Does.StartWith("https://auth.example.test/confirm-email?token="));
    }
}
