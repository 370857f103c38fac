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

    // Built at run time: a lone surrogate in an attribute's string would not survive compilation into metadata.
    private static readonly string[] LoneSurrogates =
    [
        "high " + (char)0xD800 + " alone",
        "low " + (char)0xDC00 + " alone",
        "ends with a high " + (char)0xD83D,
        (char)0xDE00 + " reversed pair " + (char)0xD83D,
    ];

    [TestCaseSource(nameof(LoneSurrogates))]
    public void Lone_surrogates_are_not_well_formed(string text)
    {
        Assert.That(WellFormedText.IsWellFormed(text), Is.False);
    }
}
