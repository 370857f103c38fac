using DoubleDibz.Domain.Users;

namespace DoubleDibz.UnitTests.Domain;

public class UserNameTests
{
    [TestCase("sam1")]
    [TestCase("spchuang")]
    [TestCase("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123")]
    public void Create_accepts_4_to_30_ascii_letters_and_digits(string value)
    {
        var result = UserName.Create(value);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(result.Value.Value, Is.EqualTo(value));
    }

    [TestCase("sam")]
    [TestCase("ABCDEFGHIJKLMNOPQRSTUVWXYZ01234")]
    public void Create_refuses_a_length_outside_4_to_30(string value)
    {
        var result = UserName.Create(value);

        Assert.That(result.Error.Message, Is.EqualTo("Username must be between 4 and 30 characters long"));
    }

    [TestCase("sam chuang")]
    [TestCase("sam_chuang")]
    [TestCase("sämchuang")]
    [TestCase("sam@home")]
    public void Create_refuses_anything_but_letters_and_digits(string value)
    {
        var result = UserName.Create(value);

        Assert.That(result.Error.Message, Is.EqualTo("Username can only contain letters and numbers"));
    }

    [TestCase(null)]
    [TestCase("")]
    public void Create_refuses_a_missing_name(string? value)
    {
        Assert.That(UserName.Create(value).Error.Message, Is.EqualTo(UserErrors.Required));
    }

    [Test]
    public void Names_differing_only_in_case_are_equal_and_keep_their_display_case()
    {
        var upper = UserName.Create("SamChuang").Value;
        var lower = UserName.Create("samchuang").Value;

        Assert.That(upper, Is.EqualTo(lower));
        Assert.That(upper.GetHashCode(), Is.EqualTo(lower.GetHashCode()));
        Assert.That(upper.Value, Is.EqualTo("SamChuang"));
    }

    [TestCase("abc", "Username must be between 4 and 30 characters long")]
    [TestCase("sam chuang", "Username can only contain letters and numbers")]
    [TestCase("", "This field is required.")]
    public void Create_refuses_with_the_originals_message(string value, string message)
    {
        Assert.That(UserName.Create(value).Error.Message, Is.EqualTo(message));
    }

    [Test]
    public void The_normalized_form_is_the_upper_case_name()
    {
        var name = UserName.Create("SamChuang").Value;

        Assert.That((name.Normalized, UserName.Normalize("SamChuang"), name.ToString()), Is.EqualTo(("SAMCHUANG", "SAMCHUANG", "SamChuang")));
    }

    [Test]
    public void Different_names_are_not_equal_and_nothing_equals_null_or_another_type()
    {
        var sam = UserName.Create("spchuang").Value;

        Assert.That(sam.Equals(UserName.Create("kimlee").Value), Is.False);
        Assert.That(sam.Equals((object)"spchuang"), Is.False);
        Assert.That(sam.Equals((object)UserName.Create("SPCHUANG").Value), Is.True);
        Assert.That(sam.Equals((UserName?)null), Is.False);
    }
}
