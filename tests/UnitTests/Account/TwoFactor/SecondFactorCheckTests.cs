using DoubleDibz.Application.Account.TwoFactor;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Account.TwoFactor;

public class SecondFactorCheckTests
{
    private readonly TwoFactorFakes _fakes = new();

    [Test]
    public void The_right_code_is_used_and_its_step_recorded()
    {
        var user = A.User();
        TwoFactorFakes.Enable(user, lastStep: 100);

        Assert.That(_fakes.Check.TryUseCode(user, TwoFactorFakes.RightCode), Is.True);
        Assert.That(user.TwoFactorLastStep, Is.EqualTo(TwoFactorFakes.RightStep));
    }

    [Test]
    public void The_right_code_of_an_already_used_step_is_refused()
    {
        var user = A.User();
        TwoFactorFakes.Enable(user, lastStep: TwoFactorFakes.RightStep);

        Assert.That(_fakes.Check.TryUseCode(user, TwoFactorFakes.RightCode), Is.False);
    }

    [TestCase("654321")]
    [TestCase("12345")]
    [TestCase("abcdef")]
    [TestCase("")]
    public void Other_codes_are_refused(string code)
    {
        var user = A.User();
        TwoFactorFakes.Enable(user);

        Assert.That(_fakes.Check.TryUseCode(user, code), Is.False);
    }

    [Test]
    public void A_secret_that_cannot_be_decrypted_matches_no_code()
    {
        var user = A.User();
        user.BeginTwoFactorSetup("garbage");

        Assert.That(_fakes.Check.MatchStep(user, TwoFactorFakes.RightCode), Is.Null);
    }

    [Test]
    public void The_code_is_checked_at_the_clock_s_time()
    {
        var user = A.User();
        TwoFactorFakes.Enable(user);

        _fakes.Check.MatchStep(user, TwoFactorFakes.RightCode);

        _fakes.Codes.Verify(c => c.MatchStep(TwoFactorFakes.Secret, TwoFactorFakes.RightCode, _fakes.Clock.GetUtcNow()));
    }

    [Test]
    public async Task A_recovery_code_works_in_the_either_field_once()
    {
        var user = A.User(id: 7);
        TwoFactorFakes.Enable(user, recoveryCodes: "ABCDEFGHJK");

        var first = await _fakes.Check.TryUseEitherAsync(user, "abcde-fghjk", CancellationToken.None);
        var second = await _fakes.Check.TryUseEitherAsync(user, "abcde-fghjk", CancellationToken.None);

        Assert.That(first, Is.EqualTo(SecondFactorUsed.RecoveryCode));
        Assert.That(second, Is.Null);
    }

    [Test]
    public async Task An_app_code_works_in_the_either_field()
    {
        var user = A.User();
        TwoFactorFakes.Enable(user);

        Assert.That(await _fakes.Check.TryUseEitherAsync(user, TwoFactorFakes.RightCode, CancellationToken.None), Is.EqualTo(SecondFactorUsed.AuthenticatorCode));
    }
}
