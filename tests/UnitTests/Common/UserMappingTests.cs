using DoubleDibz.UnitTests.TestData;
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

    [TestCase("admin", Role.Admin)]
    [TestCase("Staff", Role.Staff)]
    [TestCase(" USER ", Role.User)]
    [TestCase("test", Role.Test)]
    public void A_role_is_found_by_its_name_in_any_case(string name, Role role)
    {
        Assert.That(UserMapping.RoleFromName(name), Is.EqualTo(role));
    }

    [TestCase("boss")]
    [TestCase("")]
    [TestCase(null)]
    public void An_unknown_role_name_finds_no_role(string? name)
    {
        Assert.That(UserMapping.RoleFromName(name), Is.Null);
    }

    [Test]
    public void A_role_outside_the_enum_has_no_name()
    {
        Assert.That(() => UserMapping.RoleName((Role)99), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Unknown role"));
    }

    [Test]
    public void A_user_maps_to_its_dto_field_by_field()
    {
        var user = A.User("SamChuang", "Sam@Example.com", id: 7);

        Assert.That(A.Mapper().Map<UserDto>(user), Is.EqualTo(new UserDto(7, "SamChuang", "Sam@Example.com", "user", "Sam", "Chuang", EmailConfirmed: false, TwoFactorEnabled: false)));
    }
}
