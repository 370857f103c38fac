using DoubleDibz.Domain.Common;

namespace DoubleDibz.UnitTests.Domain;

public class WellFormedTextTests
{
    [TestCase("")]
    [TestCase("Sam Chuang")]
    [TestCase("Zoë Ångström")]
    [TestCase("日本語のパスワード")]
    [TestCase("emoji \U0001F600 pair")]
    [TestCase("ﬁne, and e\u0301 with a combining mark")]
    [TestCase("\uFFFD replacement character")]
    public void Text_a_person_could_type_is_well_formed(string text)
    {
        Assert.That(WellFormedText.IsWellFormed(text), Is.True);
    }

    [TestCase("nul \u0000 inside")]
    [TestCase("tab\tinside")]
    [TestCase("line\nbreak")]
    [TestCase("delete \u007F")]
    [TestCase("c1 control \u0085")]
    public void Control_characters_are_not_well_formed(string text)
    {
        Assert.That(WellFormedText.IsWellFormed(text), Is.False);
    }

    [TestCase("a\uFFFE")]
    [TestCase("a\uFFFF")]
    [TestCase("a\uFDD0")]
    [TestCase("a\uFDEF")]
    [TestCase("plane one \U0001FFFE")]
    [TestCase("plane sixteen \U0010FFFF")]
    public void Noncharacters_are_not_well_formed(string text)
    {
        Assert.That(WellFormedText.IsWellFormed(text), Is.False);
    }

    [TestCase("high \uD800 alone")]
    [TestCase("low \uDC00 alone")]
    [TestCase("ends with a high \uD83D")]
    [TestCase("\uDE00 reversed pair \uD83D")]
    public void Lone_surrogates_are_not_well_formed(string text)
    {
        Assert.That(WellFormedText.IsWellFormed(text), Is.False);
    }
}
