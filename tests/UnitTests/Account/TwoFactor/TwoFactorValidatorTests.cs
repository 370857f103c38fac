using DoubleDibz.Application.Account.TwoFactor.DisableTwoFactor;
using DoubleDibz.Application.Account.TwoFactor.EnableTwoFactor;
using DoubleDibz.Application.Account.TwoFactor.RegenerateRecoveryCodes;
using DoubleDibz.Application.Account.TwoFactor.SetupTwoFactor;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Account.TwoFactor;

public class TwoFactorValidatorTests
{
    private static string[] Fields<T>(FluentValidation.IValidator<T> validator, T command) =>
        [.. validator.Validate(command).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")];

    [Test]
    public void Setup_needs_the_password()
    {
        Assert.That(Fields(new SetupTwoFactorValidator(), new SetupTwoFactorCommand("", A.Session())), Is.EqualTo(new[] { "Password: This field is required." }));
        Assert.That(Fields(new SetupTwoFactorValidator(), new SetupTwoFactorCommand("pw", A.Session())), Is.Empty);
    }

    [Test]
    public void Enable_needs_the_code()
    {
        Assert.That(Fields(new EnableTwoFactorValidator(), new EnableTwoFactorCommand(null, A.Session())), Is.EqualTo(new[] { "Code: This field is required." }));
        Assert.That(Fields(new EnableTwoFactorValidator(), new EnableTwoFactorCommand("123456", A.Session())), Is.Empty);
    }

    [Test]
    public void Disable_needs_the_password_and_the_code()
    {
        Assert.That(Fields(new DisableTwoFactorValidator(), new DisableTwoFactorCommand(null, "", A.Session())),
            Is.EqualTo(new[] { "Password: This field is required.", "Code: This field is required." }));
        Assert.That(Fields(new DisableTwoFactorValidator(), new DisableTwoFactorCommand("pw", "123456", A.Session())), Is.Empty);
    }

    [Test]
    public void Regenerating_recovery_codes_needs_the_password()
    {
        Assert.That(Fields(new RegenerateRecoveryCodesValidator(), new RegenerateRecoveryCodesCommand(null, A.Session())), Is.EqualTo(new[] { "Password: This field is required." }));
        Assert.That(Fields(new RegenerateRecoveryCodesValidator(), new RegenerateRecoveryCodesCommand("pw", A.Session())), Is.Empty);
    }
}
