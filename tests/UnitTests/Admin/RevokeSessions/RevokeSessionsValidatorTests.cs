using DoubleDibz.Application.Admin.RevokeSessions;
using DoubleDibz.Domain.Users;

namespace DoubleDibz.UnitTests.Admin.RevokeSessions;

public class RevokeSessionsValidatorTests
{
    private readonly RevokeSessionsValidator _validator = new();

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void A_missing_user_is_refused_as_required(string? user)
    {
        var result = _validator.Validate(new RevokeSessionsCommand(user));

        Assert.That(result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)), Is.EqualTo(new[] { ("User", UserErrors.Required) }));
    }

    [Test]
    public void A_user_name_or_email_is_valid()
    {
        Assert.That(_validator.Validate(new RevokeSessionsCommand("spchuang")).IsValid, Is.True);
    }
}
