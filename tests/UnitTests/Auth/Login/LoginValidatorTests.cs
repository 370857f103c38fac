using DoubleDibz.Application.Auth.Login;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Auth.Login;

public class LoginValidatorTests
{
    private readonly LoginValidator _validator = new();

    [Test]
    public void Login_and_password_are_required()
    {
        var result = _validator.Validate(new LoginCommand(null, "", RememberMe: false, Requester: null));

        Assert.That(result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)), Is.EquivalentTo(new[]
        {
            ("Login", "This field is required."),
            ("Password", "This field is required."),
        }));
    }

    [Test]
    public void A_filled_in_form_is_valid()
    {
        Assert.That(_validator.Validate(A.Login()).IsValid, Is.True);
    }

    [Test]
    public void A_signed_in_requester_is_not_validated_so_the_handler_can_answer_already_logged_in()
    {
        Assert.That(_validator.Validate(new LoginCommand(null, null, RememberMe: false, Requester: A.Session())).IsValid, Is.True);
    }
}
