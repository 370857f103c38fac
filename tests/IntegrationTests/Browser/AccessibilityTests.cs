using DoubleDibz.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoubleDibz.IntegrationTests.Browser;

public class AccessibilityTests : BrowserTest
{
    [TestCase("Username or email", "username")]
    [TestCase("Username", "username")]
    [TestCase("First name", "given-name")]
    [TestCase("Last name", "family-name")]
    [TestCase("Email", "email")]
    [TestCase("Confirm password", "new-password")]
    public async Task Every_field_has_a_label_and_the_right_autocomplete(string label, string autocomplete)
    {
        await OpenAppAsync();

        // The account view has a profile form with the same labels; these are the logged-out forms.
        await Expect(Page.Locator("#auth-view").GetByLabel(label, new() { Exact = true })).ToHaveAttributeAsync("autocomplete", autocomplete);
    }

    [Test]
    public async Task The_two_password_fields_say_current_and_new_password()
    {
        await OpenAppAsync();

        await Expect(Page.Locator("#login-password")).ToHaveAttributeAsync("autocomplete", "current-password");
        await Expect(Page.Locator("#signup-password")).ToHaveAttributeAsync("autocomplete", "new-password");
    }

    [Test]
    public async Task Error_text_is_linked_to_its_field_and_announced()
    {
        await OpenAppAsync();
        await Page.ClickAsync("#signup-form button[type=submit]");

        var field = Page.Locator("#signup-email");
        var errorId = await field.GetAttributeAsync("aria-describedby");
        await Expect(Page.Locator($"#{errorId}")).Not.ToBeEmptyAsync();
        await Expect(Page.Locator($"#{errorId}")).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(field).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(".+"));
    }

    [Test]
    public async Task Signup_works_with_the_keyboard_alone()
    {
        var user = SignupForm.Valid();
        await OpenAppAsync();
        await Expect(Page.Locator("#login-login")).ToBeFocusedAsync();

        // From the login name field, Tab walks: password, remember me, Log in, Forgot password?, then the signup fields in order.
        for (var i = 0; i < 5; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }

        foreach (var value in new[] { user.UserName, user.FirstName, user.LastName, user.Email, user.Password })
        {
            await Page.Keyboard.TypeAsync(value);
            await Page.Keyboard.PressAsync("Tab");
        }

        await Page.Keyboard.TypeAsync(user.Confirm);
        await Page.Keyboard.PressAsync("Enter");

        await ExpectWelcomeAsync(Page, user.UserName);
        await Expect(Page.Locator("#welcome-heading")).ToBeFocusedAsync();
        // From the heading, Tab walks: Account, Log out.
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#login-form")).ToBeVisibleAsync();
    }

    [TestCase("Current password", "current-password")]
    [TestCase("New password", "new-password")]
    [TestCase("Confirm new password", "new-password")]
    [TestCase("First name", "given-name")]
    [TestCase("Last name", "family-name")]
    public async Task Every_account_field_has_a_label_and_the_right_autocomplete(string label, string autocomplete)
    {
        await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);

        await Expect(Page.Locator("#account-view").GetByLabel(label, new() { Exact = true })).ToHaveAttributeAsync("autocomplete", autocomplete);
    }

    [Test]
    public async Task The_delete_confirmation_asks_for_the_current_password_with_a_label()
    {
        await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();

        await Expect(Page.Locator("#delete-form").GetByLabel("Password", new() { Exact = true })).ToHaveAttributeAsync("autocomplete", "current-password");
        await Expect(Page.Locator("#delete-start")).ToHaveAttributeAsync("aria-expanded", "true");
    }

    [Test]
    public async Task Account_error_text_is_linked_to_its_field_and_announced()
    {
        await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        foreach (var id in new[] { "password-current_password", "password-password", "password-confirm" })
        {
            var field = Page.Locator($"#{id}");
            var errorId = await field.GetAttributeAsync("aria-describedby");
            Assert.That(errorId, Is.EqualTo($"{id}-error"));
            await Expect(Page.Locator($"#{errorId}")).Not.ToBeEmptyAsync();
            await Expect(Page.Locator($"#{errorId}")).ToHaveAttributeAsync("aria-live", "polite");
            await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(field).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(".+"));
        }

        await Expect(Page.Locator("#password-status")).ToHaveAttributeAsync("role", "status");
        await Expect(Page.Locator("#sessions-status")).ToHaveAttributeAsync("role", "status");
    }

    [Test]
    public async Task Changing_the_password_works_with_the_keyboard_alone()
    {
        var user = await SignUpInTheBrowserAsync();
        await Expect(Page.Locator("#welcome-heading")).ToBeFocusedAsync();

        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Account" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#account-heading")).ToBeFocusedAsync();

        // From the heading, Tab walks: Back, then the change-password fields in order.
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Back" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator("#password-current_password")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(user.Password);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("amber lantern drifts");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("amber lantern drifts");
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.Locator("#password-status")).ToHaveTextAsync("Your password has been changed");

        // Back to the welcome view by keyboard: Shift+Tab from the first field reaches Back.
        await Page.Locator("#password-current_password").FocusAsync();
        await Page.Keyboard.PressAsync("Shift+Tab");
        await Page.Keyboard.PressAsync("Enter");
        await ExpectWelcomeAsync(Page, user.UserName);
        await Expect(Page.Locator("#welcome-heading")).ToBeFocusedAsync();
    }

    [Test]
    public async Task The_delete_confirmation_works_with_the_keyboard_and_Escape_cancels_it()
    {
        await SignUpInTheBrowserAsync();
        await OpenAccountAsync(Page);
        var start = Page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" });

        await start.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#delete-password")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Escape");

        await Expect(Page.Locator("#delete-password")).ToBeHiddenAsync();
        await Expect(start).ToBeFocusedAsync();
    }
}
