using DoubleDibz.Application.Auth.LoginSecondStep;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Auth.LoginSecondStep;

public class LoginSecondStepValidatorTests
{
    private readonly LoginSecondStepValidator _validator = new();

    private string[] Errors(LoginSecondStepCommand command) => [.. _validator.Validate(command).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")];

    [Test]
    public void A_code_alone_is_valid()
    {
        Assert.That(Errors(new("123456", null, "token", null)), Is.Empty);
    }

    [Test]
    public void A_recovery_code_alone_is_valid()
    {
        Assert.That(Errors(new(null, "ABCDE-FGHJK", "token", null)), Is.Empty);
    }

    [Test]
    public void Neither_is_the_code_required()
    {
        Assert.That(Errors(new(null, "", "token", null)), Is.EqualTo(new[] { "Code: This field is required." }));
    }

    [Test]
    public void Both_are_refused()
    {
        Assert.That(Errors(new("123456", "ABCDE-FGHJK", "token", null)), Is.EqualTo(new[] { $"Code: {LoginSecondStepValidator.OneOfTheTwo}" }));
    }

    [Test]
    public void Without_a_pending_sign_in_nothing_is_checked_so_the_answer_is_401()
    {
        Assert.That(Errors(new(null, null, PendingToken: null, null)), Is.Empty);
    }

    [Test]
    public void Signed_in_nothing_is_checked()
    {
        Assert.That(Errors(new(null, null, "token", A.Session())), Is.Empty);
    }
}
