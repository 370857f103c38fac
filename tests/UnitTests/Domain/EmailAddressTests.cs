using DoubleDibz.Domain.Common;
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

    private static string OfLength(int length) => new string('a', length - "@example.com".Length) + "@example.com";

    [Test]
    public void Create_accepts_exactly_254_characters()
    {
        Assert.That(EmailAddress.Create(OfLength(254)).IsSuccess, Is.True);
    }

    [Test]
    public void Create_refuses_255_characters_saying_the_limit()
    {
        Assert.That(EmailAddress.Create(OfLength(255)).Error.Message, Is.EqualTo("Email must be at most 254 characters long"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Create_refuses_a_blank_address_as_required(string? value)
    {
        Assert.That(EmailAddress.Create(value).Error, Is.EqualTo(Error.Invalid(UserErrors.Required)).Using<Error>((x, y) => x.Kind == y.Kind && x.Message == y.Message));
    }

    [TestCase("sam@example.com.")]
    [TestCase("sam@.example.com")]
    [TestCase("sam@localhost")]
    [TestCase("sam\u0000@example.com")]
    [TestCase("sam\u00A0x@example.com")]
    [TestCase("sam<x@example.com")]
    [TestCase("\"Sam\" sam@example.com")]
    [TestCase("sam@example.com (Sam)")]
    [TestCase("sam@example.com(Sam)")]
    [TestCase("(Sam)sam@example.com")]
    [TestCase("<sam@example.com>")]
    [TestCase("\"Sam\"<sam@example.com>")]
    [TestCase("sam\uFFFE@example.com")]
    [TestCase("sam\u3000x@example.com")]
    public void Create_refuses_an_address_a_mail_server_might_read_differently(string value)
    {
        Assert.That(EmailAddress.Create(value).IsSuccess, Is.False);
    }

    [Test]
    public void Normalize_trims_and_upper_cases()
    {
        Assert.That(EmailAddress.Normalize(" Sam@Example.com "), Is.EqualTo("SAM@EXAMPLE.COM"));
    }

    [Test]
    public void The_normalized_form_is_kept_beside_the_value_as_entered()
    {
        var email = EmailAddress.Create("Sam@Example.com").Value;

        Assert.That((email.Value, email.Normalized, email.ToString()), Is.EqualTo(("Sam@Example.com", "SAM@EXAMPLE.COM", "Sam@Example.com")));
    }

    [Test]
    public void Addresses_differing_only_in_case_have_the_same_hash_code()
    {
        Assert.That(EmailAddress.Create("Sam@Example.com").Value.GetHashCode(), Is.EqualTo(EmailAddress.Create("sam@example.COM").Value.GetHashCode()));
    }

    [Test]
    public void Different_addresses_are_not_equal_and_nothing_equals_null_or_another_type()
    {
        var sam = EmailAddress.Create("sam@example.com").Value;

        Assert.That(sam.Equals(EmailAddress.Create("kim@example.com").Value), Is.False);
        Assert.That(sam.Equals((object)"sam@example.com"), Is.False);
        Assert.That(sam.Equals((object)EmailAddress.Create("SAM@example.com").Value), Is.True);
        Assert.That(sam.Equals((EmailAddress?)null), Is.False);
    }
}
