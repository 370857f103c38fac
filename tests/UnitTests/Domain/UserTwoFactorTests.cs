using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Domain;

public class UserTwoFactorTests
{
    [Test]
    public void A_new_user_has_two_factor_sign_in_off_and_no_secret()
    {
        var user = A.User();

        Assert.That((user.TwoFactorEnabled, user.TwoFactorSecret, user.RecoveryCodeHashes.Count), Is.EqualTo((false, (string?)null, 0)));
    }

    [Test]
    public void Setup_stores_the_protected_secret_without_enabling()
    {
        var user = A.User();

        var result = user.BeginTwoFactorSetup("protected");

        Assert.That(result.IsSuccess, Is.True);
        Assert.That((user.TwoFactorSecret, user.TwoFactorEnabled), Is.EqualTo(("protected", false)));
    }

    [Test]
    public void Setup_again_before_enabling_replaces_the_secret()
    {
        var user = A.User();
        user.BeginTwoFactorSetup("first");

        user.BeginTwoFactorSetup("second");

        Assert.That(user.TwoFactorSecret, Is.EqualTo("second"));
    }

    [Test]
    public void Setup_while_enabled_is_refused_and_keeps_the_secret()
    {
        var user = A.WithTwoFactor(A.User());

        var result = user.BeginTwoFactorSetup("other");

        Assert.That(result.Error, Is.EqualTo(UserErrors.TwoFactorAlreadyOn));
        Assert.That(user.TwoFactorSecret, Is.EqualTo("protected(SECRET)"));
    }

    [Test]
    public void Enable_without_setup_is_refused()
    {
        var result = A.User().EnableTwoFactor(5, []);

        Assert.That(result.Error, Is.EqualTo(UserErrors.TwoFactorNotSetUp));
    }

    [Test]
    public void Enable_records_the_step_and_the_recovery_codes()
    {
        var user = A.User();
        user.BeginTwoFactorSetup("protected");

        user.EnableTwoFactor(42, ["a", "b"]);

        Assert.That((user.TwoFactorEnabled, user.TwoFactorLastStep), Is.EqualTo((true, 42L)));
        Assert.That(user.RecoveryCodeHashes, Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Enable_twice_is_refused()
    {
        var user = A.WithTwoFactor(A.User());

        Assert.That(user.EnableTwoFactor(500, []).Error, Is.EqualTo(UserErrors.TwoFactorAlreadyOn));
    }

    [Test]
    public void A_time_step_is_accepted_only_when_later_than_the_last()
    {
        var user = A.WithTwoFactor(A.User(), lastStep: 100);

        Assert.That(new[] { user.AcceptTimeStep(99), user.AcceptTimeStep(100), user.AcceptTimeStep(101), user.AcceptTimeStep(101) },
            Is.EqualTo(new[] { false, false, true, false }));
        Assert.That(user.TwoFactorLastStep, Is.EqualTo(101));
    }

    [Test]
    public void A_recovery_code_is_used_once()
    {
        var user = A.WithTwoFactor(A.User());

        Assert.That(new[] { user.UseRecoveryCode("hash-1"), user.UseRecoveryCode("hash-1") }, Is.EqualTo(new[] { true, false }));
        Assert.That(user.RecoveryCodeHashes, Is.EqualTo(new[] { "hash-2" }));
    }

    [Test]
    public void An_unknown_recovery_code_is_refused()
    {
        var user = A.WithTwoFactor(A.User());

        Assert.That(user.UseRecoveryCode("hash-9"), Is.False);
        Assert.That(user.RecoveryCodeHashes, Has.Count.EqualTo(2));
    }

    [Test]
    public void Replacing_recovery_codes_voids_the_old_set()
    {
        var user = A.WithTwoFactor(A.User());

        user.ReplaceRecoveryCodes(["hash-3"]);

        Assert.That(user.RecoveryCodeHashes, Is.EqualTo(new[] { "hash-3" }));
    }

    [Test]
    public void Replacing_recovery_codes_while_off_is_refused()
    {
        Assert.That(A.User().ReplaceRecoveryCodes(["x"]).Error, Is.EqualTo(UserErrors.TwoFactorNotOn));
    }

    [Test]
    public void Disable_forgets_the_secret_the_step_and_the_codes()
    {
        var user = A.WithTwoFactor(A.User());

        user.DisableTwoFactor();

        Assert.That((user.TwoFactorEnabled, user.TwoFactorSecret, user.TwoFactorLastStep, user.RecoveryCodeHashes.Count), Is.EqualTo((false, (string?)null, 0L, 0)));
    }
}
