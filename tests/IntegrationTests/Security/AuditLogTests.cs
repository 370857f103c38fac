using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Security;

/// <summary>
/// Security events reach the <c>DoubleDibz.Audit</c> log as structured entries with the user id, the client
/// address and the request's correlation id, and never with a password or token.
/// </summary>
public class AuditLogTests : ApiTest
{
    private SignupForm? LastForm { get; set; }

    [Test]
    public async Task Signup_is_audited_with_user_id_client_address_and_correlation_id()
    {
        var id = await SignedUpIdAsync();

        Assert.That(AuditLines("SignedUp", id), Has.Some.Contains("ClientAddress=127.0.0.1").And.Contains($"CorrelationId=audit-{LastForm!.UserName}"));
    }

    [Test]
    public async Task A_successful_login_is_audited()
    {
        var form = await SignedUpUserAsync();
        using var browser = Host.NewClient();

        await browser.LoginAsync(form.UserName, form.Password);

        Assert.That(AuditLines("LoggedIn", await IdOfAsync(browser)), Is.Not.Empty);
    }

    [Test]
    public async Task A_failed_login_is_audited_with_its_reason()
    {
        var id = await SignedUpIdAsync();
        var form = LastForm!;
        using var browser = Host.NewClient();

        await browser.LoginAsync(form.UserName, "not the password");
        await browser.LoginAsync("nobody-here", "not the password");

        Assert.That(AuditLines("LoginFailed", id), Has.Some.Contains("Reason=WrongPassword"));
        Assert.That(Host.Logs.Lines, Has.Some.Contains("[LoginFailed]").And.Contains("Reason=UnknownLogin"));
        Assert.That(Host.Logs.Lines, Has.None.Contains("nobody-here"), "a login as typed is never logged");
    }

    [Test]
    public async Task A_back_off_is_audited_when_it_starts()
    {
        var id = await SignedUpIdAsync();
        using var browser = Host.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await browser.LoginAsync(LastForm!.UserName, "not the password");
        }

        Assert.That(AuditLines("LoginBackoffStarted", id), Has.Some.Contains("BackoffSeconds=30"));
    }

    [Test]
    public async Task Account_changes_are_audited_with_the_user_id()
    {
        var id = await SignedUpIdAsync();
        var form = LastForm!;

        await Client.UpdateProfileAsync(new { first_name = "Samuel" });
        await Client.EndOtherSessionsAsync();
        await Client.ChangePasswordAsync(form.Password, "a brand new passphrase");
        await Client.DeleteAccountAsync("a brand new passphrase");

        Assert.That(AuditLines("ProfileUpdated", id), Is.Not.Empty);
        Assert.That(AuditLines("OtherSessionsEnded", id), Is.Not.Empty);
        Assert.That(AuditLines("PasswordChanged", id), Is.Not.Empty);
        Assert.That(AuditLines("AccountDeleted", id), Is.Not.Empty);
    }

    [Test]
    public async Task Logout_is_audited()
    {
        var id = await SignedUpIdAsync();

        await Client.LogoutAsync();

        Assert.That(AuditLines("LoggedOut", id), Is.Not.Empty);
    }

    [Test]
    public async Task A_csrf_rejection_is_audited_with_the_client_and_correlation_id()
    {
        Client.AddHeader("X-Correlation-Id", "csrf-audit");

        await Client.PostJsonAsync("/api/auth/logout", new { }, withCsrf: false);

        Assert.That(Host.Logs.Lines, Has.Some.Contains("DoubleDibz.Audit[CsrfRejected]").And.Contains("CorrelationId=csrf-audit").And.Contains("ClientAddress=127.0.0.1"));
    }

    [Test]
    public async Task A_password_reset_is_audited_from_the_request_to_the_reset_and_no_token_is_logged()
    {
        var id = await SignedUpIdAsync();
        using var browser = Host.NewClient();

        await browser.ForgotPasswordAsync(LastForm!.UserName);
        var token = Mailbox.TokenIn(await Host.Mailbox.WaitForOneAsync(LastForm.Email, "Reset your password"), "reset-password");
        await browser.ResetPasswordAsync(token, "a brand new passphrase");

        Assert.That(AuditLines("PasswordResetRequested", id), Is.Not.Empty);
        Assert.That(AuditLines("PasswordReset", id), Is.Not.Empty);
        Assert.That(Host.Logs.Lines, Has.None.Contains(token));
    }

    [Test]
    public async Task Confirming_and_changing_the_address_are_audited()
    {
        var id = await SignedUpIdAsync();
        var confirm = Mailbox.TokenIn(await Host.Mailbox.WaitForOneAsync(LastForm!.Email, "Confirm your e-mail address"), "confirm-email");
        await Client.ConfirmEmailAsync(confirm);
        var address = "moved" + LastForm.Email;
        await Client.ChangeEmailAsync(LastForm.Password, address);
        var change = Mailbox.TokenIn(await Host.Mailbox.WaitForOneAsync(address, "Confirm your new e-mail address"), "confirm-email");
        await Client.ConfirmEmailAsync(change);

        Assert.That(AuditLines("EmailConfirmed", id), Is.Not.Empty);
        Assert.That(AuditLines("EmailChangeRequested", id), Is.Not.Empty);
        Assert.That(AuditLines("EmailChanged", id), Is.Not.Empty);
    }

    private async Task<int> SignedUpIdAsync()
    {
        LastForm = SignupForm.Valid();
        Client.AddHeader("X-Correlation-Id", $"audit-{LastForm.UserName}");
        var response = await Client.SignupAsync(LastForm);
        return response.Json.GetProperty("data").GetProperty("id").GetInt32();
    }

    private static async Task<int> IdOfAsync(ApiClient client) =>
        (await client.VerifyAuthAsync()).Json.GetProperty("data").GetProperty("id").GetInt32();

    private IEnumerable<string> AuditLines(string eventName, int userId) =>
        Host.Logs.Lines.Where(l => l.Contains($"DoubleDibz.Audit[{eventName}]", StringComparison.Ordinal) && l.Contains($" UserId={userId} ", StringComparison.Ordinal));
}
