using DoubleDibz.Domain.Users;

namespace DoubleDibz.UnitTests.Domain;

public class EmailAddressTests
{
    [TestCase("test@gmail.com")]
    [TestCase("first.last+tag@sub.example.org")]
    public void Create_accepts_a_plain_address(string value)
    {
        Assert.That(EmailAddress.Create(value).Value.Value, Is.EqualTo(value));
    }

    [TestCase("not-an-email")]
    [TestCase("a@b")]
    [TestCase("Sam <sam@example.com>")]
    [TestCase("sam@exa mple.com")]
    [TestCase("sam@example..com")]
    [TestCase("@example.com")]
    public void Create_refuses_what_is_not_a_bare_address(string value)
    {
        Assert.That(EmailAddress.Create(value).Error.Message, Is.EqualTo("Invalid email address."));
    }

    [Test]
    public void Create_refuses_more_than_254_characters()
    {
        var value = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com";

        Assert.That(EmailAddress.Create(value).Error.Message, Does.Contain("254"));
    }

    [Test]
    public void Create_trims_surrounding_whitespace()
    {
        Assert.That(EmailAddress.Create("  test@gmail.com ").Value.Value, Is.EqualTo("test@gmail.com"));
    }

    [Test]
    public void Addresses_differing_only_in_case_are_equal()
    {
        Assert.That(EmailAddress.Create("Test@Gmail.com").Value, Is.EqualTo(EmailAddress.Create("test@gmail.COM").Value));
    }
}
