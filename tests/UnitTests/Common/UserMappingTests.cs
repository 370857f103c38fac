using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Users;

namespace DoubleDibz.UnitTests.Common;

public class UserMappingTests
{
    [TestCase(Role.Admin, "admin")]
    [TestCase(Role.Staff, "staff")]
    [TestCase(Role.User, "user")]
    [TestCase(Role.Test, "test")]
    public void Roles_are_named_as_in_the_contract(Role role, string name)
    {
        Assert.That(UserMapping.RoleName(role), Is.EqualTo(name));
    }

    [Test]
    public void The_user_dto_has_no_member_that_could_carry_a_secret()
    {
        var names = typeof(UserDto).GetProperties().Select(p => p.Name.ToUpperInvariant());

        Assert.That(names, Has.None.Contains("PASSWORD").And.None.Contains("HASH").And.None.Contains("SALT"));
    }
}
