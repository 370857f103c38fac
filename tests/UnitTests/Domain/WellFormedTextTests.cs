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

    // Built at run time and shown escaped: such strings do not survive an attribute's metadata or a test runner's
    // display name (tests named with them silently went missing).
    private static readonly TestCaseData[] Noncharacters =
    [
        Escaped("a\uFFFE"), Escaped("a\uFFFF"), Escaped("a\uFDD0"), Escaped("a\uFDEF"),
        Escaped("plane one \U0001FFFE"), Escaped("plane sixteen \U0010FFFF"),
    ];

    private static readonly TestCaseData[] LoneSurrogates =
    [
        Escaped("high " + (char)0xD800 + " alone"),
        Escaped("low " + (char)0xDC00 + " alone"),
        Escaped("ends with a high " + (char)0xD83D),
        Escaped((char)0xDE00 + " reversed pair " + (char)0xD83D),
    ];

    [TestCaseSource(nameof(Noncharacters))]
    public void Noncharacters_are_not_well_formed(string text)
    {
        Assert.That(WellFormedText.IsWellFormed(text), Is.False);
    }

    [TestCaseSource(nameof(LoneSurrogates))]
    public void Lone_surrogates_are_not_well_formed(string text)
    {
        Assert.That(WellFormedText.IsWellFormed(text), Is.False);
    }

    [TestCase("a\uFDCF")]
    [TestCase("a\uFDF0")]
    [TestCase("a\uFFFD")]
    [TestCase("a\uFFFC")]
    [TestCase("plane one \U0001FFFD")]
    [TestCase("two emoji \U0001F600\U0001F601")]
    public void Characters_just_outside_the_noncharacter_ranges_are_well_formed(string text)
    {
        Assert.That(WellFormedText.IsWellFormed(text), Is.True);
    }

    [TestCase("\uFDD0")]
    [TestCase("\U0001FFFF")]
    [TestCase("\U0001FFFE and more")]
    public void A_noncharacter_at_the_start_is_not_well_formed(string text)
    {
        Assert.That(WellFormedText.IsWellFormed(text), Is.False);
    }

    [Test]
    public void The_message_says_what_is_refused()
    {
        Assert.That(WellFormedText.Message, Is.EqualTo("Must not contain control characters or invalid Unicode"));
    }

    private static TestCaseData Escaped(string text) =>
        new TestCaseData(text).SetArgDisplayNames(string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}")));
}
