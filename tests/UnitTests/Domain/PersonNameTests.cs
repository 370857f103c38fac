using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;

namespace DoubleDibz.UnitTests.Domain;

public class PersonNameTests
{
    [Test]
    public void Create_trims_the_name()
    {
        Assert.That(PersonName.Create("  Sam ").Value.Value, Is.EqualTo("Sam"));
    }

    [TestCase(null)]
    [TestCase("   ")]
    public void Create_refuses_a_blank_name(string? value)
    {
        Assert.That(PersonName.Create(value).Error.Message, Is.EqualTo(UserErrors.Required));
    }

    [Test]
    public void Create_refuses_more_than_64_characters_after_trimming()
    {
        Assert.That(PersonName.Create(new string('a', 64)).IsSuccess, Is.True);
        Assert.That(PersonName.Create(new string('a', 65)).IsSuccess, Is.False);
    }

    [Test]
    public void Create_refuses_control_characters()
    {
        Assert.That(PersonName.Create("Sam\u0000Chuang").Error.Message, Is.EqualTo(WellFormedText.Message));
    }

    [Test]
    public void Create_accepts_exactly_64_characters_after_trimming()
    {
        Assert.That(PersonName.Create(" " + new string('a', 64) + " ").Value.Value, Has.Length.EqualTo(64));
    }

    [Test]
    public void Create_refuses_65_characters_saying_the_limit()
    {
        Assert.That(PersonName.Create(new string('a', 65)).Error.Message, Is.EqualTo("Must be at most 64 characters long"));
    }

    [Test]
    public void Create_refuses_a_blank_name_as_required_and_text_that_is_not_well_formed_with_its_message()
    {
        Assert.That((PersonName.Create("").Error.Message, PersonName.Create("Sam\uFFFE").Error.Message),
            Is.EqualTo((UserErrors.Required, WellFormedText.Message)));
    }

    [Test]
    public void ToString_is_the_name()
    {
        Assert.That(PersonName.Create("Sam").Value.ToString(), Is.EqualTo("Sam"));
    }
}
