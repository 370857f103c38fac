using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Application.Common.Ports;
using Microsoft.Extensions.Options;
using Moq;

namespace DoubleDibz.UnitTests.Common;

public class PasswordPolicyTests
{
    private static PasswordPolicy Policy(int min = 8, int max = 128) =>
        new(Options.Create(new PasswordPolicyOptions { MinLength = min, MaxLength = max }), Mock.Of<ICommonPasswords>());

    [Test]
    public void Length_limits_come_from_configuration()
    {
        var policy = Policy(min: 12, max: 20);

        Assert.That(policy.FindViolation("elevenchars"), Is.EqualTo("Password must be between 12 and 20 characters long"));
        Assert.That(policy.FindViolation("twelve chars"), Is.Null);
    }

    [Test]
    public void Length_counts_characters_not_utf16_units()
    {
        // Eight emoji are 16 UTF-16 code units but 8 characters.
        Assert.That(Policy(max: 8).FindViolation(string.Concat(Enumerable.Repeat("😀", 8))), Is.Null);
    }

    [Test]
    public void There_are_no_composition_rules()
    {
        Assert.That(Policy().FindViolation("all lower case words"), Is.Null);
    }

    [Test]
    public void Passwords_are_compared_after_NFKC_normalization()
    {
        // "ﬁ" (U+FB01) normalizes to "fi", so this password is the user name.
        Assert.That(Policy().FindViolation("ﬁrstuser", "firstuser"), Is.EqualTo("Password must not be the same as your username or email"));
    }
}
