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

    [TestCase(8)]
    [TestCase(128)]
    public void A_length_at_either_limit_is_accepted(int length)
    {
        Assert.That(Policy().FindViolation(new string('x', length)), Is.Null);
    }

    [TestCase(7)]
    [TestCase(129)]
    public void A_length_just_outside_the_limits_is_refused(int length)
    {
        Assert.That(Policy().FindViolation(new string('x', length)), Is.EqualTo("Password must be between 8 and 128 characters long"));
    }

    [Test]
    public void A_password_equal_to_a_personal_value_ignoring_case_and_surrounding_spaces_is_refused()
    {
        Assert.That(Policy().FindViolation("SamChuang99", "other value", " samchuang99 "),
            Is.EqualTo("Password must not be the same as your username or email"));
    }

    [Test]
    public void Blank_or_missing_personal_values_refuse_nothing()
    {
        Assert.That(Policy().FindViolation("        ", null, "", "        "), Is.Null);
    }

    [Test]
    public void A_common_password_is_refused_as_normalized()
    {
        var policy = new PasswordPolicy(Options.Create(new PasswordPolicyOptions()), Mock.Of<ICommonPasswords>(c => c.Contains("firstpassword") == true));

        Assert.That(policy.FindViolation("\uFB01rstpassword"), Is.EqualTo("This password is too common, please choose another one"));
    }

    [Test]
    public void Normalize_applies_NFKC()
    {
        Assert.That(PasswordPolicy.Normalize("\uFB01ne"), Is.EqualTo("fine"));
    }
}
