using DoubleDibz.Application.Admin.CreateUser;
using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Application.Common.Ports;
using Microsoft.Extensions.Options;
using Moq;

namespace DoubleDibz.UnitTests.Admin.CreateUser;

public class CreateUserValidatorTests
{
    private readonly CreateUserValidator _validator =
        new(new PasswordPolicy(Options.Create(new PasswordPolicyOptions()), Mock.Of<ICommonPasswords>()));

    private static CreateUserCommand Command() => new("boss", "Big", "Boss", "boss@example.com", "correct horse battery", "user");

    [TestCase("admin")]
    [TestCase("Staff")]
    [TestCase(" user ")]
    [TestCase("TEST")]
    public void A_complete_command_with_any_known_role_is_valid(string role)
    {
        Assert.That(_validator.Validate(Command() with { Role = role }).IsValid, Is.True);
    }

    [TestCase("boss")]
    [TestCase("")]
    [TestCase(null)]
    public void An_unknown_role_is_refused_on_the_Role_field(string? role)
    {
        var result = _validator.Validate(Command() with { Role = role });

        Assert.That(result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)),
            Is.EqualTo(new[] { ("Role", "Role must be one of admin, staff, user, test") }));
    }

    [TestCase(null)]
    [TestCase("")]
    public void No_password_is_valid_because_one_is_generated(string? password)
    {
        Assert.That(_validator.Validate(Command() with { Password = password }).IsValid, Is.True);
    }

    [Test]
    public void A_given_password_must_follow_the_password_policy()
    {
        var result = _validator.Validate(Command() with { Password = "short" });

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "Password" }));
    }

    [Test]
    public void The_new_user_rules_apply_to_every_field()
    {
        var result = _validator.Validate(new CreateUserCommand("b", "", " ", "not-an-email", "correct horse battery", "user"));

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EquivalentTo(new[] { "UserName", "FirstName", "LastName", "Email" }));
    }
}
