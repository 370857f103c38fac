using DoubleDibz.Application.Account.DeleteAccount;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Account.DeleteAccount;

public class DeleteAccountValidatorTests
{
    // Built per test (see docs/testing.md): a validator's rules are fixed when it is constructed.
    private readonly DeleteAccountValidator _validator = new();

    private Dictionary<string, string[]> Errors(DeleteAccountCommand command) => _validator.ErrorsFor(command);

    [Test]
    public void A_password_given_is_valid()
    {
        Assert.That(Errors(A.DeleteAccount()), Is.Empty);
    }

    [TestCase(null)]
    [TestCase("")]
    public void A_missing_password_is_required(string? password)
    {
        var errors = Errors(A.DeleteAccount() with { Password = password });

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["Password"] = ["This field is required."] }));
    }
}
