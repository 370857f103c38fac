using DoubleDibz.Application.Account.ChangePassword;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Account.ChangePassword;

public class ChangePasswordValidatorTests
{
    // Built per test (see docs/testing.md): a validator's rules are fixed when it is constructed.
    private readonly ChangePasswordValidator _validator = new(A.PasswordPolicy("password123"));

    private Dictionary<string, string[]> Errors(ChangePasswordCommand command) => _validator.ErrorsFor(command);

    [Test]
    public void A_complete_form_is_valid()
    {
        Assert.That(Errors(A.ChangePassword()), Is.Empty);
    }

    [Test]
    public void An_empty_form_says_each_field_is_required_and_nothing_more()
    {
        var errors = Errors(new ChangePasswordCommand(null, null, null, A.Session()));

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]>
        {
            ["CurrentPassword"] = ["This field is required."],
            ["Password"] = ["This field is required."],
            ["Confirm"] = ["This field is required."],
        }));
    }

    [Test]
    public void An_empty_new_password_is_only_required_not_also_too_short()
    {
        var errors = Errors(A.ChangePassword() with { Password = "", Confirm = "" });

        Assert.That(errors["Password"], Is.EqualTo(new[] { "This field is required." }));
    }

    [Test]
    public void A_confirmation_that_differs_gets_Passwords_must_match()
    {
        var errors = Errors(A.ChangePassword() with { Confirm = "something else entirely" });

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["Confirm"] = ["Passwords must match"] }));
    }

    [Test]
    public void A_too_short_new_password_gets_the_policys_message()
    {
        var errors = Errors(A.ChangePassword() with { Password = "short", Confirm = "short" });

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["Password"] = ["Password must be between 8 and 128 characters long"] }));
    }

    [Test]
    public void A_common_new_password_gets_the_policys_message()
    {
        var errors = Errors(A.ChangePassword() with { Password = "password123", Confirm = "password123" });

        Assert.That(errors["Password"], Is.EqualTo(new[] { "This password is too common, please choose another one" }));
    }
}
