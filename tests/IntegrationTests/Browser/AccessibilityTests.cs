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

        await Expect(Page.GetByLabel(label, new() { Exact = true })).ToHaveAttributeAsync("autocomplete", autocomplete);
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

        // From the login name field, Tab walks: password, remember me, Log in, then the signup fields in order.
        for (var i = 0; i < 4; i++)
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
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#login-form")).ToBeVisibleAsync();
    }
}
