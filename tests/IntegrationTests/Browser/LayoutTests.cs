using DoubleDibz.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoubleDibz.IntegrationTests.Browser;

/// <summary>Each view at a phone's and a laptop's width: no sideways scrolling, and a screenshot to look at.</summary>
public class LayoutTests : BrowserTest
{
    [TestCase(375, 812)]
    [TestCase(1280, 900)]
    public async Task The_logged_out_view_fits_the_width(int width, int height)
    {
        await using var context = await NewContextAsync(width: width, height: height);
        var page = await context.NewPageAsync();

        await OpenAppAsync(page);
        await Expect(page.Locator("#signup-form")).ToBeVisibleAsync();

        Assert.That(await ScrollWidthAsync(page), Is.LessThanOrEqualTo(width));
        await ScreenshotAsync(page, $"view-logged-out-{width}");
    }

    [TestCase(375, 812)]
    [TestCase(1280, 900)]
    public async Task The_welcome_view_fits_the_width(int width, int height)
    {
        await using var context = await NewContextAsync(width: width, height: height);
        var page = await context.NewPageAsync();
        var user = SignupForm.Valid();
        await OpenAppAsync(page);

        await SignUpAsync(user, page);
        await ExpectWelcomeAsync(page, user.UserName);

        Assert.That(await ScrollWidthAsync(page), Is.LessThanOrEqualTo(width));
        await ScreenshotAsync(page, $"view-welcome-{width}");
    }

    [TestCase(375, 812)]
    [TestCase(1280, 900)]
    public async Task The_signup_errors_fit_the_width(int width, int height)
    {
        await using var context = await NewContextAsync(width: width, height: height);
        var page = await context.NewPageAsync();
        await OpenAppAsync(page);

        await page.ClickAsync("#signup-form button[type=submit]");
        await Expect(page.Locator("#signup-user_name-error")).Not.ToBeEmptyAsync();

        Assert.That(await ScrollWidthAsync(page), Is.LessThanOrEqualTo(width));
        await ScreenshotAsync(page, $"view-signup-errors-{width}");
    }

    [TestCase(375, 812)]
    [TestCase(1280, 900)]
    public async Task The_account_view_with_two_sessions_fits_the_width(int width, int height)
    {
        await using var context = await NewContextAsync(width: width, height: height);
        var page = await context.NewPageAsync();
        var user = await SignUpInTheBrowserAsync(page);
        await using var other = await NewContextAsync(userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
        var otherPage = await other.NewPageAsync();
        await OpenAppAsync(otherPage);
        await LogInAsync(user.UserName, user.Password, rememberMe: true, page: otherPage);
        await ExpectWelcomeAsync(otherPage, user.UserName);

        await OpenAccountAsync(page);
        await Expect(SessionRows(page)).ToHaveCountAsync(2);

        Assert.That(await ScrollWidthAsync(page), Is.LessThanOrEqualTo(width));
        await ScreenshotAsync(page, $"view-account-{width}");
    }

    [TestCase(375, 812)]
    [TestCase(1280, 900)]
    public async Task The_account_errors_and_the_delete_confirmation_fit_the_width(int width, int height)
    {
        await using var context = await NewContextAsync(width: width, height: height);
        var page = await context.NewPageAsync();
        await SignUpInTheBrowserAsync(page);
        await OpenAccountAsync(page);

        await page.ClickAsync("#password-form button[type=submit]");
        await Expect(page.Locator("#password-current_password-error")).Not.ToBeEmptyAsync();
        await page.FillAsync("#profile-first_name", "");
        await page.ClickAsync("#profile-form button[type=submit]");
        await Expect(page.Locator("#profile-first_name-error")).Not.ToBeEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await page.ClickAsync("#delete-form button[type=submit]");
        await Expect(page.Locator("#delete-password-error")).Not.ToBeEmptyAsync();

        Assert.That(await ScrollWidthAsync(page), Is.LessThanOrEqualTo(width));
        await ScreenshotAsync(page, $"view-account-errors-{width}");
    }

    private static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
}
