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

    [Test]
    public void A_new_user_has_an_unconfirmed_address()
    {
        Assert.That(A.User().IsEmailConfirmed, Is.False);
    }

    [Test]
    public void ConfirmEmail_keeps_the_first_confirmation_time()
    {
        var user = A.User();
        var first = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        user.ConfirmEmail(first);
        user.ConfirmEmail(first.AddDays(1));

        Assert.That(user.EmailConfirmedAt, Is.EqualTo(first));
    }

    [Test]
    public void ChangeEmail_replaces_the_address_and_counts_it_as_confirmed()
    {
        var user = A.User();
        var at = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

        user.ChangeEmail(EmailAddress.Create("new@example.com").Value, at);

        Assert.That((user.Email.Value, user.EmailConfirmedAt), Is.EqualTo(("new@example.com", (DateTimeOffset?)at)));
    }
}
