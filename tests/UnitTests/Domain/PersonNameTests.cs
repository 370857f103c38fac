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
}
