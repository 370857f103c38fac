using DoubleDibz.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoubleDibz.IntegrationTests.Browser;

/// <summary>Each error the API can give is shown where it belongs.</summary>
public class FormErrorTests : BrowserTest
{
    [Test]
    public async Task An_empty_signup_shows_a_message_under_every_field()
    {
        await OpenAppAsync();

        await Page.ClickAsync("#signup-form button[type=submit]");

        foreach (var field in new[] { "user_name", "first_name", "last_name", "email", "password", "confirm" })
        {
            await Expect(Page.Locator($"#signup-{field}-error")).Not.ToBeEmptyAsync();
            await Expect(Page.Locator($"#signup-{field}")).ToHaveAttributeAsync("aria-invalid", "true");
        }

        await ScreenshotAsync(Page, "errors-empty-signup");
    }

    [Test]
    public async Task A_bad_user_name_and_a_mismatched_confirmation_show_the_contracts_messages_under_their_fields()
    {
        await OpenAppAsync();

        await SignUpAsync(SignupForm.Valid() with { UserName = "no spaces!", Confirm = "something else entirely" });

        await Expect(Page.Locator("#signup-user_name-error")).ToHaveTextAsync("Username can only contain letters and numbers");
        await Expect(Page.Locator("#signup-confirm-error")).ToHaveTextAsync("Passwords must match");
        await Expect(Page.Locator("#signup-email-error")).ToBeEmptyAsync();
    }

    [Test]
    public async Task Editing_a_field_clears_its_message()
    {
        await OpenAppAsync();
        await SignUpAsync(SignupForm.Valid() with { Confirm = "something else entirely" });
        await Expect(Page.Locator("#signup-confirm-error")).Not.ToBeEmptyAsync();

        await Page.FillAsync("#signup-confirm", SignupForm.DefaultPassword);

        await Expect(Page.Locator("#signup-confirm-error")).ToBeEmptyAsync();
        await Expect(Page.Locator("#signup-confirm")).Not.ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Test]
    public async Task A_taken_user_name_is_shown_under_the_user_name()
    {
        var taken = await ExistingUserAsync();
        await OpenAppAsync();

        await SignUpAsync(SignupForm.Valid() with { UserName = taken.UserName.ToUpperInvariant() });

        await Expect(Page.Locator("#signup-user_name-error")).ToHaveTextAsync("This username is already taken!");
    }

    [Test]
    public async Task A_taken_email_is_shown_under_the_email()
    {
        var taken = await ExistingUserAsync();
        await OpenAppAsync();

        await SignUpAsync(SignupForm.Valid() with { Email = taken.Email });

        await Expect(Page.Locator("#signup-email-error")).ToHaveTextAsync("This email is already taken!");
    }

    [Test]
    public async Task A_wrong_password_shows_invalid_username_or_password_on_the_login_form()
    {
        var user = await ExistingUserAsync();
        await OpenAppAsync();

        await LogInAsync(user.UserName, "not the password");

        await Expect(Page.Locator("#login-error")).ToHaveTextAsync("Invalid username or password");
        await ScreenshotAsync(Page, "errors-wrong-password");
    }

    [Test]
    public async Task An_account_in_back_off_shows_how_long_to_wait()
    {
        var user = await ExistingUserAsync();
        using (var api = Host.NewClient())
        {
            for (var i = 0; i < 5; i++)
            {
                await api.LoginAsync(user.UserName, "not the password");
            }
        }

        await OpenAppAsync();
        await LogInAsync(user.UserName, user.Password);

        await Expect(Page.Locator("#login-error")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Too many attempts, try again in \d+ s$"));
    }

    [Test]
    public async Task Losing_the_network_shows_a_banner_and_gives_the_button_back()
    {
        await OpenAppAsync();
        await Context.SetOfflineAsync(true);

        await LogInAsync("someone", "some password");

        await Expect(Page.Locator("#banner")).ToBeVisibleAsync();
        await Expect(Page.Locator("#banner")).ToContainTextAsync("Cannot reach the server");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Log in" })).ToBeEnabledAsync();
        await ScreenshotAsync(Page, "errors-offline-banner");
    }

    [Test]
    public async Task The_button_is_disabled_while_its_request_is_in_flight()
    {
        var user = await ExistingUserAsync();
        await OpenAppAsync();
        var release = new TaskCompletionSource();
        await Page.RouteAsync("**/api/auth/login", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        var button = Page.GetByRole(AriaRole.Button, new() { Name = "Log in" });

        await LogInAsync(user.UserName, user.Password);
        await Expect(button).ToBeDisabledAsync();
        await Expect(Page.Locator("#login-form")).ToHaveAttributeAsync("aria-busy", "true");
        release.SetResult();

        await ExpectWelcomeAsync(Page, user.UserName);
    }

    private async Task<SignupForm> ExistingUserAsync()
    {
        var user = SignupForm.Valid();
        using var api = Host.NewClient();
        Assert.That((await api.SignupAsync(user)).Status, Is.EqualTo(System.Net.HttpStatusCode.Created));
        return user;
    }
}
