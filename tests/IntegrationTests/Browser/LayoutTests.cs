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

    private static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
}
