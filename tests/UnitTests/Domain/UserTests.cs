using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Domain;

public class UserTests
{
    [Test]
    public void Register_makes_an_ordinary_user_by_default()
    {
        var user = A.User();

        Assert.That(user.Role, Is.EqualTo(Role.User));
    }

    [Test]
    public void Roles_keep_the_original_stored_codes()
    {
        Assert.That(new[] { (int)Role.Admin, (int)Role.Staff, (int)Role.User, (int)Role.Test }, Is.EqualTo(new[] { 0, 1, 2, 3 }));
    }

    [Test]
    public void ReplacePasswordHash_swaps_the_stored_hash()
    {
        var user = A.User();
        var stronger = A.PasswordHash(memoryKiB: 65536, iterations: 3);

        user.ReplacePasswordHash(stronger);

        Assert.That(user.PasswordHash, Is.SameAs(stronger));
    }

    [Test]
    public void The_aggregate_has_no_public_setters()
    {
        var publicSetters = typeof(User).GetProperties().Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name);

        Assert.That(publicSetters, Is.Empty);
    }
}
