using DoubleDibz.Application.Account.TwoFactor;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Account.TwoFactor;

public class RecoveryCodesTests
{
    private readonly TwoFactorFakes _fakes = new();

    [Test]
    public async Task A_new_set_has_ten_distinct_codes_of_the_unambiguous_alphabet()
    {
        var set = await _fakes.RecoveryCodes.NewSetAsync(7, CancellationToken.None);

        Assert.That(set.Codes, Has.Count.EqualTo(10));
        Assert.That(set.Codes, Is.All.Match("^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{5}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{5}$"));
        Assert.That(set.Codes, Is.Unique);
    }

    [Test]
    public void Each_code_is_at_least_50_bits()
    {
        var bits = RecoveryCodes.Length * Math.Log2(RecoveryCodes.Alphabet.Distinct().Count());

        Assert.That(bits, Is.GreaterThanOrEqualTo(50));
    }

    [Test]
    public async Task The_stored_hashes_are_keyed_hashes_bound_to_the_user()
    {
        var set = await _fakes.RecoveryCodes.NewSetAsync(7, CancellationToken.None);

        Assert.That(set.Hashes[0], Is.EqualTo(TwoFactorFakes.RecoveryHash(7, set.Codes[0].Replace("-", "", StringComparison.Ordinal))));
    }

    [TestCase("abcde-fghjk", "ABCDEFGHJK")]
    [TestCase(" ABCDE FGHJK ", "ABCDEFGHJK")]
    [TestCase("ABCDEFGHJK", "ABCDEFGHJK")]
    public void Typed_codes_are_read_leniently(string typed, string normalized)
    {
        Assert.That(RecoveryCodes.Normalize(typed), Is.EqualTo(normalized));
    }

    [TestCase("123456")]
    [TestCase("ABCDE-FGHIK")] // I is not in the alphabet
    [TestCase("ABCDE-FGHJKL")]
    [TestCase("")]
    public void Text_that_cannot_be_a_recovery_code_is_not_one(string typed)
    {
        Assert.That(RecoveryCodes.Normalize(typed), Is.Null);
    }

    [Test]
    public void Very_long_text_is_not_a_recovery_code()
    {
        Assert.That(RecoveryCodes.Normalize("ABCDE" + new string(' ', 100) + "FGHJK"), Is.Null);
    }
}
