using DoubleDibz.Application.Admin.ListUsers;

namespace DoubleDibz.UnitTests.Admin.ListUsers;

public class ListUsersValidatorTests
{
    private readonly ListUsersValidator _validator = new();

    [TestCase(1)]
    [TestCase(100_000)]
    public void A_limit_from_1_to_100000_is_valid(int limit)
    {
        Assert.That(_validator.Validate(new ListUsersQuery(limit)).IsValid, Is.True);
    }

    [TestCase(0)]
    [TestCase(100_001)]
    public void A_limit_outside_1_to_100000_is_refused_on_the_Limit_field(int limit)
    {
        var result = _validator.Validate(new ListUsersQuery(limit));

        Assert.That(result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)),
            Is.EqualTo(new[] { ("Limit", "Limit must be between 1 and 100000") }));
    }
}
