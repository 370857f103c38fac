using DoubleDibz.Application.Account.UpdateProfile;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Account.UpdateProfile;

public class UpdateProfileValidatorTests
{
    // Built per test (see docs/testing.md): a validator's rules are fixed when it is constructed.
    private readonly UpdateProfileValidator _validator = new();

    private Dictionary<string, string[]> Errors(UpdateProfileCommand command) => _validator.ErrorsFor(command);

    [Test]
    public void Both_names_sent_and_well_formed_are_valid()
    {
        Assert.That(Errors(A.UpdateProfile()), Is.Empty);
    }

    [Test]
    public void Names_left_out_are_not_validated()
    {
        Assert.That(Errors(A.UpdateProfile() with { FirstName = null, LastName = null }), Is.Empty);
    }

    [Test]
    public void Names_of_64_characters_are_valid()
    {
        var name = new string('a', 64);

        Assert.That(Errors(A.UpdateProfile() with { FirstName = name, LastName = name }), Is.Empty);
    }

    [TestCase("")]
    [TestCase("   ")]
    public void An_empty_first_name_is_refused_under_FirstName(string firstName)
    {
        var errors = Errors(A.UpdateProfile() with { FirstName = firstName, LastName = null });

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["FirstName"] = ["This field is required."] }));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void An_empty_last_name_is_refused_under_LastName(string lastName)
    {
        var errors = Errors(A.UpdateProfile() with { FirstName = null, LastName = lastName });

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["LastName"] = ["This field is required."] }));
    }

    [Test]
    public void A_first_name_of_65_characters_is_refused_under_FirstName()
    {
        var errors = Errors(A.UpdateProfile() with { FirstName = new string('a', 65) });

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["FirstName"] = ["Must be at most 64 characters long"] }));
    }

    [Test]
    public void A_last_name_of_65_characters_is_refused_under_LastName()
    {
        var errors = Errors(A.UpdateProfile() with { LastName = new string('a', 65) });

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["LastName"] = ["Must be at most 64 characters long"] }));
    }
}
