using DoubleDibz.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoubleDibz.IntegrationTests.Browser;

/// <summary>The whole life of a sign-in, as a user sees it in the browser.</summary>
public class SessionJourneyTests : BrowserTest
{
    [Test]
    public async Task Sign_up_refresh_log_out_log_in_with_remember_me_and_reopen_the_browser()
    {
        var user = SignupForm.Valid();
        await OpenAppAsync();

        await SignUpAsync(user);
        await ExpectWelcomeAsync(Page, user.UserName);
        await ScreenshotAsync(Page, "journey-1-welcome-after-signup");

        await Page.ReloadAsync();
        await ExpectWelcomeAsync(Page, user.UserName);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(Page.Locator("#login-form")).ToBeVisibleAsync();
        await ScreenshotAsync(Page, "journey-2-logged-out");

        await LogInAsync(user.UserName, user.Password, rememberMe: true);
        await ExpectWelcomeAsync(Page, user.UserName);

        var reopened = await ReopenBrowserAsync();
        var page = await reopened.NewPageAsync();
        await OpenAppAsync(page);
        await ExpectWelcomeAsync(page, user.UserName);
        await ScreenshotAsync(page, "journey-3-welcome-after-reopening-the-browser");
        await reopened.DisposeAsync();
    }

    [Test]
    public async Task Without_remember_me_reopening_the_browser_shows_the_login_form()
    {
        var user = SignupForm.Valid();
        await OpenAppAsync();
        await SignUpAsync(user);
        await ExpectWelcomeAsync(Page, user.UserName);

        var reopened = await ReopenBrowserAsync();
        var page = await reopened.NewPageAsync();
        await OpenAppAsync(page);

        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
        await reopened.DisposeAsync();
    }

    [Test]
    public async Task Logging_in_by_email_shows_the_user_name()
    {
        var user = SignupForm.Valid();
        using (var api = Host.NewClient())
        {
            await api.SignupAsync(user);
        }

        await OpenAppAsync();
        await LogInAsync(user.Email.ToUpperInvariant(), user.Password);

        await ExpectWelcomeAsync(Page, user.UserName);
    }

    [Test]
    public async Task The_page_loads_its_own_assets_and_breaks_no_content_security_rule()
    {
        var problems = new List<string>();
        Page.Console += (_, message) =>
        {
            // A 401 from verify_auth is logged as a failed resource; that is the expected logged-out answer.
            if (message.Type == "error" && !message.Text.Contains("401", StringComparison.Ordinal))
            {
                problems.Add(message.Text);
            }
        };
        Page.PageError += (_, error) => problems.Add(error);

        await OpenAppAsync();
        await Expect(Page.Locator("#login-form")).ToBeVisibleAsync();

        Assert.That(problems, Is.Empty);
    }

    /// <summary>
    /// Closes the browser and opens it again with what it kept on disk: a real browser drops session cookies
    /// (no Expires) when it closes and keeps persistent ones, so only those are carried over.
    /// </summary>
    private async Task<IBrowserContext> ReopenBrowserAsync()
    {
        var state = await Context.StorageStateAsync();
        await Context.CloseAsync();
        var kept = DropSessionCookies(state);
        return await NewContextAsync(storageState: kept);
    }

    private static string DropSessionCookies(string storageState)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(storageState)!;
        var cookies = json["cookies"]!.AsArray();
        foreach (var cookie in cookies.Where(c => c!["expires"]!.GetValue<double>() < 0).ToList())
        {
            cookies.Remove(cookie);
        }

        return json.ToJsonString();
    }
}
