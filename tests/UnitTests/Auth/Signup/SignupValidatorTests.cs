using DoubleDibz.Application.Auth.Signup;
using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.UnitTests.TestData;
using Microsoft.Extensions.Options;
using Moq;

namespace DoubleDibz.UnitTests.Auth.Signup;

public class SignupValidatorTests
{
    // Built per test, not once per run: a validator's rules are fixed when it is constructed, so a shared one would
    // keep the rules of whatever code was live when it was first built (and hide mutants from Stryker).
    private readonly SignupValidator _validator = new(new PasswordPolicy(
        Options.Create(new PasswordPolicyOptions()),
        Mock.Of<ICommonPasswords>(c => c.Contains("password123") == true)));

    private Dictionary<string, string[]> Errors(SignupCommand command) => _validator.ErrorsFor(command);

    [Test]
    public void A_complete_form_is_valid()
    {
        Assert.That(Errors(A.Signup()), Is.Empty);
    }

    [Test]
    public void An_empty_form_lists_every_field()
    {
        var errors = Errors(new SignupCommand(null, null, null, null, null, null, null));

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "UserName", "FirstName", "LastName", "Email", "Password", "Confirm" }));
        Assert.That(errors.Values.SelectMany(m => m), Is.All.EqualTo("This field is required."));
    }

    [Test]
    public void A_user_name_with_symbols_gets_the_originals_message()
    {
        var errors = Errors(A.Signup() with { UserName = "sam_chuang" });

        Assert.That(errors["UserName"], Is.EqualTo(new[] { "Username can only contain letters and numbers" }));
    }

    [Test]
    public void A_confirmation_that_differs_gets_Passwords_must_match()
    {
        var errors = Errors(A.Signup() with { Confirm = "something else entirely" });

        Assert.That(errors["Confirm"], Is.EqualTo(new[] { "Passwords must match" }));
    }

    [Test]
    public void A_common_password_is_refused()
    {
        var errors = Errors(A.Signup() with { Password = "password123", Confirm = "password123" });

        Assert.That(errors["Password"], Is.EqualTo(new[] { "This password is too common, please choose another one" }));
    }

    [TestCase("SPCHUANG1", "spchuang1")]
    [TestCase("test@gmail.com", "test@gmail.com")]
    public void A_password_equal_to_the_user_name_or_email_is_refused(string userNameOrEmail, string password)
    {
        var command = A.Signup() with { UserName = userNameOrEmail.Contains('@') ? "spchuang" : userNameOrEmail, Password = password, Confirm = password };

        Assert.That(Errors(command)["Password"], Is.EqualTo(new[] { "Password must not be the same as your username or email" }));
    }

    [TestCase(7)]
    [TestCase(129)]
    public void A_password_outside_8_to_128_characters_is_refused(int length)
    {
        var password = new string('x', length - 1) + "y";

        var errors = Errors(A.Signup() with { Password = password, Confirm = password });

        Assert.That(errors["Password"], Is.EqualTo(new[] { "Password must be between 8 and 128 characters long" }));
    }

    [Test]
    public void A_signed_in_requester_is_not_validated_so_the_handler_can_answer_already_signed_up()
    {
        var command = new SignupCommand(null, null, null, null, null, null, A.Session());

        Assert.That(Errors(command), Is.Empty);
    }
}
