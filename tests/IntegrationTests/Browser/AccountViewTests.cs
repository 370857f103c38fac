using System.Text.RegularExpressions;
using DoubleDibz.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoubleDibz.IntegrationTests.Browser;

/// <summary>The account view: change password, where you're signed in, profile, delete the account.</summary>
public class AccountViewTests : BrowserTest
{
    private const string NewPassword = "amber lantern drifts";
    private const string OtherBrowser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

    [Test]
    public async Task Change_the_password_then_log_out_and_log_in_with_the_new_one()
    {
        var user = await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);
        await ScreenshotAsync(Page, "account-1-view");

        await ChangePasswordAsync("not the password", NewPassword);
        await Expect(Page.Locator("#password-current_password-error")).ToHaveTextAsync("Current password is incorrect");
        await Expect(Page.Locator("#password-current_password")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#password-current_password")).ToBeFocusedAsync();
        await ScreenshotAsync(Page, "account-2-wrong-current-password");

        await ChangePasswordAsync(user.Password, NewPassword);
        await Expect(Page.Locator("#password-status")).ToHaveTextAsync("Your password has been changed");
        await Expect(Page.Locator("#password-current_password-error")).ToBeEmptyAsync();
        await Expect(Page.Locator("#password-current_password")).ToHaveValueAsync("");

        // The server replaced the session cookie: still signed in, after a reload too.
        await Page.ReloadAsync();
        await ExpectWelcomeAsync(Page, user.UserName);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await LogInAsync(user.UserName, user.Password);
        await Expect(Page.Locator("#login-error")).ToHaveTextAsync("Invalid username or password");
        await LogInAsync(user.UserName, NewPassword);
        await ExpectWelcomeAsync(Page, user.UserName);
    }

    [Test]
    public async Task A_mismatched_confirmation_is_shown_under_the_confirmation()
    {
        var user = await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);

        await ChangePasswordAsync(user.Password, NewPassword, confirm: "something else entirely");

        await Expect(Page.Locator("#password-confirm-error")).ToHaveTextAsync("Passwords must match");
        await Expect(Page.Locator("#password-status")).ToBeEmptyAsync();
    }

    [Test]
    public async Task The_list_shows_both_browsers_and_signing_out_everywhere_else_ends_the_other()
    {
        var user = await SignUpInTheBrowserAsync();
        await using var other = await NewContextAsync(userAgent: OtherBrowser);
        var otherPage = await other.NewPageAsync();
        await OpenAppAsync(otherPage);
        await LogInAsync(user.UserName, user.Password, rememberMe: true, page: otherPage);
        await ExpectWelcomeAsync(otherPage, user.UserName);

        await OpenAccountAsync(Page);

        var rows = SessionRows(Page);
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "This device" })).ToHaveCountAsync(1);
        // Newest first: the other browser signed in last.
        await Expect(rows.Nth(0)).ToContainTextAsync("Firefox on Windows");
        await Expect(rows.Nth(0)).ToContainTextAsync(OtherBrowser);
        await Expect(rows.Nth(0)).Not.ToContainTextAsync("This device");
        await Expect(rows.Nth(0).Locator("dd").Last).ToHaveTextAsync("Yes");
        await Expect(rows.Nth(1)).ToContainTextAsync("This device");
        await Expect(rows.Nth(1).Locator("dd").Last).ToHaveTextAsync("No");
        await Expect(rows.Nth(1).Locator("time[datetime]")).ToHaveCountAsync(3);
        await ScreenshotAsync(Page, "account-sessions-two-browsers");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere else" }).ClickAsync();

        await Expect(Page.Locator("#sessions-status")).ToHaveTextAsync("You have been signed out everywhere else");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("This device");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere else" })).ToBeHiddenAsync();
        Assert.That(await VerifyAuthStatusAsync(other), Is.EqualTo(401));
        await otherPage.ReloadAsync();
        await Expect(otherPage.Locator("#login-form")).ToBeVisibleAsync();
        Assert.That(await VerifyAuthStatusAsync(Context), Is.EqualTo(200));
    }

    [Test]
    public async Task Signing_out_the_other_row_ends_that_session_and_signing_out_this_row_logs_out()
    {
        var user = await SignUpInTheBrowserAsync();
        await using var other = await NewContextAsync(userAgent: OtherBrowser);
        var otherPage = await other.NewPageAsync();
        await OpenAppAsync(otherPage);
        await LogInAsync(user.UserName, user.Password, page: otherPage);
        await ExpectWelcomeAsync(otherPage, user.UserName);
        await OpenAccountAsync(Page);
        var rows = SessionRows(Page);
        await Expect(rows).ToHaveCountAsync(2);

        await rows.Filter(new() { HasNotText = "This device" }).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(Page.Locator("#sessions-status")).ToHaveTextAsync("The session has been signed out");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(Page.Locator("#sessions-heading")).ToBeFocusedAsync();
        Assert.That(await VerifyAuthStatusAsync(other), Is.EqualTo(401));

        await rows.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(Page.Locator("#login-form")).ToBeVisibleAsync();
        await Expect(Page.Locator("#login-login")).ToBeFocusedAsync();
        Assert.That(await VerifyAuthStatusAsync(Context), Is.EqualTo(401));
    }

    [Test]
    public async Task A_row_already_signed_out_elsewhere_says_so_and_the_list_is_reloaded()
    {
        var user = await SignUpInTheBrowserAsync();
        await using var other = await NewContextAsync(userAgent: OtherBrowser);
        var otherPage = await other.NewPageAsync();
        await OpenAppAsync(otherPage);
        await LogInAsync(user.UserName, user.Password, page: otherPage);
        await ExpectWelcomeAsync(otherPage, user.UserName);
        await OpenAccountAsync(Page);
        var rows = SessionRows(Page);
        await Expect(rows).ToHaveCountAsync(2);

        await otherPage.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(otherPage.Locator("#login-form")).ToBeVisibleAsync();
        await rows.Filter(new() { HasNotText = "This device" }).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(Page.Locator("#sessions-error")).ToHaveTextAsync("That session had already ended");
        await Expect(rows).ToHaveCountAsync(1);
    }

    [Test]
    public async Task Changing_the_names_shows_them_and_an_empty_first_name_is_refused_under_its_field()
    {
        var user = await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);
        await Expect(Page.Locator("#profile-first_name")).ToHaveValueAsync(user.FirstName);
        await Expect(Page.Locator("#profile-last_name")).ToHaveValueAsync(user.LastName);

        await Page.FillAsync("#profile-first_name", "Samantha");
        await Page.FillAsync("#profile-last_name", "Chuang-Lee");
        await Page.ClickAsync("#profile-form button[type=submit]");

        await Expect(Page.Locator("#profile-status")).ToHaveTextAsync("Your profile has been updated");
        await Expect(Page.Locator("#account-name")).ToHaveTextAsync("Samantha Chuang-Lee");
        await Page.ReloadAsync();
        await ExpectWelcomeAsync(Page, user.UserName);
        await OpenAccountAsync(Page);
        await Expect(Page.Locator("#profile-first_name")).ToHaveValueAsync("Samantha");
        await Expect(Page.Locator("#account-name")).ToHaveTextAsync("Samantha Chuang-Lee");

        await Page.FillAsync("#profile-first_name", "");
        await Page.ClickAsync("#profile-form button[type=submit]");

        await Expect(Page.Locator("#profile-first_name-error")).Not.ToBeEmptyAsync();
        await Expect(Page.Locator("#profile-first_name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#profile-status")).ToBeEmptyAsync();
        await Expect(Page.Locator("#account-name")).ToHaveTextAsync("Samantha Chuang-Lee");
        await ScreenshotAsync(Page, "account-profile-error");
    }

    [Test]
    public async Task Deleting_the_account_asks_for_the_password_and_then_shows_the_login_forms()
    {
        var user = await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);
        var password = Page.Locator("#delete-password");
        var forGood = Page.GetByRole(AriaRole.Button, new() { Name = "Delete my account for good" });

        await Expect(password).ToBeHiddenAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await Expect(password).ToBeFocusedAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(password).ToBeHiddenAsync();
        await Expect(forGood).ToBeHiddenAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" })).ToBeFocusedAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await password.FillAsync("not the password");
        await forGood.ClickAsync();
        await Expect(Page.Locator("#delete-password-error")).ToHaveTextAsync("Password is incorrect");
        await Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        await ScreenshotAsync(Page, "account-delete-wrong-password");

        await password.FillAsync(user.Password);
        await forGood.ClickAsync();

        await Expect(Page.Locator("#login-form")).ToBeVisibleAsync();
        await Expect(Page.Locator("#auth-notice")).ToHaveTextAsync("Your account has been deleted");
        await ScreenshotAsync(Page, "account-deleted");
        await LogInAsync(user.UserName, user.Password);
        await Expect(Page.Locator("#login-error")).ToHaveTextAsync("Invalid username or password");
        await Expect(Page.Locator("#auth-notice")).ToBeEmptyAsync();
    }

    [Test]
    public async Task A_session_that_ended_elsewhere_shows_the_login_forms_on_the_next_action()
    {
        await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);
        // Ends this browser's session behind the page's back (as a sign-out from another device would).
        var logout = await Context.APIRequest.PostAsync("/api/auth/logout", new() { Headers = await CsrfHeaderAsync(), DataObject = new { } });
        Assert.That(logout.Status, Is.EqualTo(200));

        await Page.ClickAsync("#profile-form button[type=submit]");

        await Expect(Page.Locator("#login-form")).ToBeVisibleAsync();
        await Expect(Page.Locator("#auth-notice")).ToHaveTextAsync("Your session has ended. Please log in again.");
    }

    [Test]
    public async Task An_account_in_back_off_shows_how_long_to_wait_on_the_change_password_form()
    {
        var user = await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);
        var headers = await CsrfHeaderAsync();
        for (var i = 0; i < 5; i++)
        {
            await Context.APIRequest.PostAsync("/api/auth/password/change", new()
            {
                Headers = headers,
                DataObject = new { current_password = "not the password", password = NewPassword, confirm = NewPassword },
            });
        }

        await ChangePasswordAsync(user.Password, NewPassword);

        await Expect(Page.Locator("#password-error")).ToHaveTextAsync(new Regex(@"^Too many attempts, try again in \d+ s$"));
        await Expect(Page.Locator("#password-status")).ToBeEmptyAsync();
    }

    [Test]
    public async Task The_change_password_button_is_busy_while_its_request_is_in_flight()
    {
        var user = await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);
        var release = new TaskCompletionSource();
        await Page.RouteAsync("**/api/auth/password/change", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        var button = Page.GetByRole(AriaRole.Button, new() { Name = "Change password" });

        await ChangePasswordAsync(user.Password, NewPassword);
        await Expect(button).ToBeDisabledAsync();
        await Expect(Page.Locator("#password-form")).ToHaveAttributeAsync("aria-busy", "true");
        release.SetResult();

        await Expect(Page.Locator("#password-status")).ToHaveTextAsync("Your password has been changed");
        await Expect(button).ToBeEnabledAsync();
        await Expect(Page.Locator("#password-form")).Not.ToHaveAttributeAsync("aria-busy", "true");
    }

    [Test]
    public async Task A_refused_change_password_leaves_the_focus_in_the_form_the_user_moved_to()
    {
        await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);
        var release = new TaskCompletionSource();
        await Page.RouteAsync("**/api/auth/password/change", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await ChangePasswordAsync("not the password", NewPassword);
        await Page.Locator("#profile-first_name").FocusAsync();

        release.SetResult();

        await Expect(Page.Locator("#password-current_password-error")).Not.ToBeEmptyAsync();
        await Expect(Page.Locator("#profile-first_name")).ToBeFocusedAsync();
    }

    [Test]
    public async Task Back_returns_to_the_welcome_view_and_the_account_view_starts_clean_again()
    {
        var user = await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);
        await ChangePasswordAsync("not the password", NewPassword);
        await Expect(Page.Locator("#password-current_password-error")).Not.ToBeEmptyAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();

        await ExpectWelcomeAsync(Page, user.UserName);
        await Expect(Page.Locator("#welcome-heading")).ToBeFocusedAsync();
        await OpenAccountAsync(Page);
        await Expect(Page.Locator("#password-current_password-error")).ToBeEmptyAsync();
        await Expect(Page.Locator("#password-current_password")).ToHaveValueAsync("");
    }

    private async Task ChangePasswordAsync(string current, string password, string? confirm = null)
    {
        await Page.GetByLabel("Current password").FillAsync(current);
        await Page.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Confirm new password").FillAsync(confirm ?? password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
    }

    private async Task<Dictionary<string, string>> CsrfHeaderAsync() => new()
    {
        ["X-CSRF-Token"] = (await Page.Locator("meta[name=csrf-token]").GetAttributeAsync("content"))!,
    };
}
