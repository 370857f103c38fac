using DoubleDibz.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoubleDibz.IntegrationTests.Browser;

/// <summary>
/// The e-mail journeys in Chromium against a real SMTP server (smtp4dev): the test reads the real message, opens its
/// link in the page and finishes the flow there.
/// </summary>
public class MailJourneyTests : BrowserTest
{
    private Smtp4dev _smtp = null!;

    protected override IReadOnlyDictionary<string, string?>? HostSettings
    {
        get
        {
            _smtp = Smtp4dev.Shared.GetAwaiter().GetResult();
            return _smtp.ServiceSettings();
        }
    }

    /// <summary>The link's path and query, opened on the test's service (links name the configured public address).</summary>
    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    [Test]
    public async Task Forgot_password_then_the_emailed_link_then_reset_then_log_in()
    {
        var user = SignupForm.Valid();
        using (var api = Host.NewClient())
        {
            await api.SignupAsync(user);
        }

        await OpenAppAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Forgot password?" }).ClickAsync();
        await Expect(Page.Locator("#forgot-heading")).ToBeFocusedAsync();
        await Page.GetByLabel("Username or e-mail address").FillAsync(user.Email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
        await Expect(Page.Locator("#forgot-status")).ToHaveTextAsync("If an account matches, we've sent it an e-mail with a link to reset the password");
        await ScreenshotAsync(Page, "mail-1-forgot-sent");

        var message = await _smtp.WaitForAsync(user.Email, "Reset your password");
        await Page.GotoAsync(PathOf(Mailbox.LinkIn(message, "reset-password")));
        await Expect(Page.Locator("#reset-view")).ToBeVisibleAsync();
        Assert.That(Page.Url, Does.Not.Contain("token="), "the token leaves the address bar");
        await Page.GetByLabel("Choose a password").FillAsync("a brand new passphrase");
        await Page.GetByLabel("Repeat the password").FillAsync("a brand new passphrase");
        await ScreenshotAsync(Page, "mail-2-reset");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();

        await Expect(Page.Locator("#auth-notice")).ToHaveTextAsync("Your password has been reset. Please log in.");
        await LogInAsync(user.UserName, "a brand new passphrase");
        await ExpectWelcomeAsync(Page, user.UserName);
    }

    [Test]
    public async Task A_reset_link_used_twice_says_it_is_invalid()
    {
        var user = SignupForm.Valid();
        using (var api = Host.NewClient())
        {
            await api.SignupAsync(user);
            await api.ForgotPasswordAsync(user.UserName);
            var token = Mailbox.TokenIn(await _smtp.WaitForAsync(user.Email, "Reset your password"), "reset-password");
            await api.ResetPasswordAsync(token, "a brand new passphrase");
            await Page.GotoAsync($"/reset-password?token={token}");
        }

        await Page.GetByLabel("Choose a password").FillAsync("yet another passphrase");
        await Page.GetByLabel("Repeat the password").FillAsync("yet another passphrase");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();

        await Expect(Page.Locator("#reset-error")).ToHaveTextAsync("This link is invalid or has expired");
    }

    [Test]
    public async Task Signing_up_shows_the_banner_and_the_emailed_link_confirms_the_address()
    {
        var user = await SignUpInTheBrowserAsync();
        await Expect(Page.Locator("#confirm-banner")).ToBeVisibleAsync();
        await ScreenshotAsync(Page, "mail-3-unconfirmed-banner");

        var message = await _smtp.WaitForAsync(user.Email, "Confirm your e-mail address");
        await Page.GotoAsync(PathOf(Mailbox.LinkIn(message, "confirm-email")));

        await Expect(Page.Locator("#confirm-status")).ToHaveTextAsync("Your e-mail address is confirmed");
        Assert.That(Page.Url, Does.Not.Contain("token="));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ExpectWelcomeAsync(Page, user.UserName);
        await Expect(Page.Locator("#confirm-banner")).ToBeHiddenAsync();
    }

    [Test]
    public async Task Send_again_from_the_banner_says_a_new_mail_is_on_its_way()
    {
        await SignUpInTheBrowserAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Send again" }).ClickAsync();

        await Expect(Page.Locator("#confirm-resend-status")).ToHaveTextAsync("We've sent you a new confirmation e-mail");
    }

    [Test]
    public async Task Change_address_from_the_account_view_says_where_the_link_went()
    {
        var user = await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);
        var address = "moved" + user.Email;

        await Page.GetByLabel("New e-mail address").FillAsync(address);
        await Page.Locator("#email-password").FillAsync(user.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send confirmation link" }).ClickAsync();

        await Expect(Page.Locator("#email-status")).ToHaveTextAsync($"We've sent a confirmation link to {address}");
        await ScreenshotAsync(Page, "mail-4-change-address");
    }

    [Test]
    public async Task Change_address_with_a_wrong_password_shows_the_error_under_the_password()
    {
        var user = await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);

        await Page.GetByLabel("New e-mail address").FillAsync("moved" + user.Email);
        await Page.Locator("#email-password").FillAsync("not my password");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send confirmation link" }).ClickAsync();

        await Expect(Page.Locator("#email-password-error")).ToHaveTextAsync("Password is incorrect");
        await Expect(Page.Locator("#email-password")).ToBeFocusedAsync();
    }
}
