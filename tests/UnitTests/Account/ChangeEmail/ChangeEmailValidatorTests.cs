using DoubleDibz.Application.Account.ChangeEmail;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Account.ChangeEmail;

public class ChangeEmailValidatorTests
{
    // Built per test (see docs/testing.md): a validator's rules are fixed when it is constructed.
    private readonly ChangeEmailValidator _validator = new();

    private Dictionary<string, string[]> Errors(ChangeEmailCommand command) => _validator.ErrorsFor(command);

    [Test]
    public void A_password_and_a_well_formed_address_are_valid()
    {
        Assert.That(Errors(A.ChangeEmail()), Is.Empty);
    }

    [TestCase(null)]
    [TestCase("")]
    public void A_missing_password_is_required(string? password)
    {
        var errors = Errors(A.ChangeEmail() with { Password = password });

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["Password"] = ["This field is required."] }));
    }

    [TestCase(null)]
    [TestCase("")]
    public void A_missing_address_is_required_and_not_also_called_invalid(string? email)
    {
        var errors = Errors(A.ChangeEmail() with { Email = email });

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["Email"] = ["This field is required."] }));
    }

    [Test]
    public void A_malformed_address_is_refused_with_the_domain_rule()
    {
        var errors = Errors(A.ChangeEmail() with { Email = "not an address" });

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["Email"] = ["Invalid email address."] }));
    }
}
