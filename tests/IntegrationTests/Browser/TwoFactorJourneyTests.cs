using DoubleDibz.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoubleDibz.IntegrationTests.Browser;

/// <summary>
/// Two-factor sign-in in the page, driven as a person would, with codes computed from the secret the page shows
/// (the service's clock is the test's, so each step's code is known and fresh).
/// </summary>
public class TwoFactorJourneyTests : BrowserTest
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override Action<IServiceCollection>? HostServices => s => s.AddSingleton<TimeProvider>(_clock);

    private string CodeFor(string secret) => Authenticator.CodeAt(secret, _clock.GetUtcNow());

    /// <summary>Signs up, turns two-factor sign-in on from the account view, returns the user, the secret and the codes shown.</summary>
    private async Task<(SignupForm User, string Secret, IReadOnlyList<string> Codes)> EnableInTheBrowserAsync(IPage page, string screenshotPrefix = "")
    {
        var user = await SignUpInTheBrowserAsync(page);
        await OpenAccountAsync(page);
        await Expect(page.Locator("#two-factor-state")).ToContainTextAsync("off");
        await page.Locator("#tfa-setup-password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up", Exact = true }).ClickAsync();

        await Expect(page.Locator("#tfa-enable-heading")).ToBeFocusedAsync();
        await Expect(page.Locator("#tfa-qr")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^data:image/svg\\+xml;base64,"));
        var secret = (await page.Locator("#tfa-secret").TextContentAsync())!.Trim();
        Assert.That(secret, Does.Match("^[A-Z2-7]{32}$"));
        Assert.That(await page.Locator("#tfa-qr").EvaluateAsync<int>("img => img.naturalWidth"), Is.GreaterThan(0), "the QR code must render under the page's CSP");
        if (screenshotPrefix.Length > 0)
        {
            await ScreenshotAsync(page, $"{screenshotPrefix}-qr");
        }

        await page.Locator("#tfa-enable-code").FillAsync(CodeFor(secret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(page.Locator("#two-factor-status")).ToHaveTextAsync("Two-factor sign-in is on");
        await Expect(page.Locator("#tfa-codes-list li")).ToHaveCountAsync(10);
        await Expect(page.Locator("#tfa-codes-heading")).ToBeFocusedAsync();
        var codes = await page.Locator("#tfa-codes-list li").AllTextContentsAsync();
        _clock.Advance(TimeSpan.FromSeconds(30)); // the next code is a fresh step
        return (user, secret, codes);
    }

    [Test]
    public async Task Turn_it_on_then_sign_in_with_a_code_from_the_app()
    {
        var (user, secret, _) = await EnableInTheBrowserAsync(Page, "two-factor-1");
        await ScreenshotAsync(Page, "two-factor-2-recovery-codes");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();

        await LogInAsync(user.UserName, user.Password);

        await Expect(Page.Locator("#second-step-form")).ToBeVisibleAsync();
        await Expect(Page.Locator("#login-form")).ToBeHiddenAsync();
        await Expect(Page.Locator("#second-step-code")).ToBeFocusedAsync();
        await ScreenshotAsync(Page, "two-factor-3-second-step");
        await Page.Locator("#second-step-code").FillAsync("000000");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(Page.Locator("#second-step-code-error")).ToHaveTextAsync("The code is not valid");
        await Expect(Page.Locator("#second-step-code")).ToHaveAttributeAsync("aria-invalid", "true");

        await Page.Locator("#second-step-code").FillAsync(CodeFor(secret));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await ExpectWelcomeAsync(Page, user.UserName);
    }

    [Test]
    public async Task Sign_in_with_a_recovery_code_instead()
    {
        var (user, _, codes) = await EnableInTheBrowserAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await LogInAsync(user.UserName, user.Password);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Use a recovery code" }).ClickAsync();
        await Expect(Page.Locator("#second-step-recovery_code")).ToBeFocusedAsync();
        await Page.Locator("#second-step-recovery_code").FillAsync(codes[0]);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        await ExpectWelcomeAsync(Page, user.UserName);
    }

    [Test]
    public async Task The_recovery_codes_download_as_a_text_file()
    {
        var (_, _, codes) = await EnableInTheBrowserAsync(Page);

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync());

        var path = await download.PathAsync();
        Assert.That(download.SuggestedFilename, Is.EqualTo("doubledibz-recovery-codes.txt"));
        Assert.That(await File.ReadAllTextAsync(path), Does.Contain(string.Join('\n', codes)));
    }

    [Test]
    public async Task Copy_puts_the_recovery_codes_on_the_clipboard()
    {
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var (_, _, codes) = await EnableInTheBrowserAsync(Page);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();

        await Expect(Page.Locator("#two-factor-status")).ToHaveTextAsync("The recovery codes have been copied");
        Assert.That(await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"), Is.EqualTo(string.Join('\n', codes)));
    }

    [Test]
    public async Task Turn_it_off_with_a_code_and_the_password_alone_signs_in()
    {
        var (user, secret, _) = await EnableInTheBrowserAsync(Page);

        await Page.Locator("#tfa-disable-password").FillAsync(user.Password);
        await Page.Locator("#tfa-disable-code").FillAsync(CodeFor(secret));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Turn off" }).ClickAsync();

        await Expect(Page.Locator("#two-factor-status")).ToHaveTextAsync("Two-factor sign-in is off");
        await Expect(Page.Locator("#tfa-setup-form")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await LogInAsync(user.UserName, user.Password);
        await ExpectWelcomeAsync(Page, user.UserName);
    }

    [Test]
    public async Task New_recovery_codes_replace_the_shown_ones()
    {
        var (user, _, codes) = await EnableInTheBrowserAsync(Page);

        await Page.Locator("#tfa-regenerate-password").FillAsync(user.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Get new recovery codes" }).ClickAsync();

        await Expect(Page.Locator("#two-factor-status")).ToHaveTextAsync("Here are your new recovery codes; the old ones no longer work");
        await Expect(Page.Locator("#tfa-codes-list li").First).Not.ToHaveTextAsync(codes[0]);
        await Expect(Page.Locator("#tfa-codes-list li")).ToHaveCountAsync(10);
    }

    [Test]
    public async Task A_wrong_password_at_setup_is_shown_under_the_field()
    {
        await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);

        await Page.Locator("#tfa-setup-password").FillAsync("not the password");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Set up", Exact = true }).ClickAsync();

        await Expect(Page.Locator("#tfa-setup-password-error")).ToHaveTextAsync("Password is incorrect");
        await Expect(Page.Locator("#tfa-setup-password")).ToBeFocusedAsync();
    }

    [Test]
    public async Task The_second_step_fits_a_375_pixel_screen()
    {
        var (user, _, _) = await EnableInTheBrowserAsync(Page);
        await using var phone = await NewContextAsync(width: 375, height: 740);
        var page = await phone.NewPageAsync();
        await OpenAppAsync(page);
        await LogInAsync(user.UserName, user.Password, page: page);

        await Expect(page.Locator("#second-step-form")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        await ScreenshotAsync(page, "two-factor-second-step-375");
        Assert.That(overflow, Is.False);
    }

    [Test]
    public async Task The_set_up_with_its_qr_code_and_secret_fits_a_375_pixel_screen()
    {
        await using var phone = await NewContextAsync(width: 375, height: 740);
        var page = await phone.NewPageAsync();
        var user = await SignUpInTheBrowserAsync(page);
        await OpenAccountAsync(page);
        await page.Locator("#tfa-setup-password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up", Exact = true }).ClickAsync();

        await Expect(page.Locator("#tfa-qr")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        await ScreenshotAsync(page, "two-factor-setup-375");
        Assert.That(overflow, Is.False);
    }
}
