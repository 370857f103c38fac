using DoubleDibz.Application.Account.TwoFactor.DisableTwoFactor;
using DoubleDibz.Application.Account.TwoFactor.EnableTwoFactor;
using DoubleDibz.Application.Account.TwoFactor.RegenerateRecoveryCodes;
using DoubleDibz.Application.Account.TwoFactor.SetupTwoFactor;
using DoubleDibz.Application.Auth.LoginSecondStep;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Account.TwoFactor;

/// <summary>Two-factor messages and answers never print a password, secret, code or token (a stray log of one is safe).</summary>
public class TwoFactorRedactionTests
{
    [Test]
    public void SetupTwoFactorCommand_prints_no_password()
    {
        Assert.That(new SetupTwoFactorCommand("hunter2 secret", A.Session(7)).ToString(), Is.EqualTo("SetupTwoFactorCommand { Password = [redacted], UserId = 7 }"));
    }

    [Test]
    public void TwoFactorSetup_prints_no_secret_or_uri()
    {
        var text = new TwoFactorSetup("JBSWY3DPEHPK3PXP", "otpauth://totp/DoubleDibz:sam?secret=JBSWY3DPEHPK3PXP", "<svg/>").ToString();

        Assert.That(text, Is.EqualTo("TwoFactorSetup { Secret = [redacted], OtpauthUri = [redacted], QrSvg length = 6 }"));
    }

    [Test]
    public void EnableTwoFactorCommand_prints_no_code()
    {
        Assert.That(new EnableTwoFactorCommand("123456", A.Session(7)).ToString(), Is.EqualTo("EnableTwoFactorCommand { Code = [redacted], UserId = 7 }"));
    }

    [Test]
    public void DisableTwoFactorCommand_prints_no_password_or_code()
    {
        Assert.That(new DisableTwoFactorCommand("hunter2 secret", "123456", A.Session(7)).ToString(),
            Is.EqualTo("DisableTwoFactorCommand { Password = [redacted], Code = [redacted], UserId = 7 }"));
    }

    [Test]
    public void RegenerateRecoveryCodesCommand_prints_no_password()
    {
        Assert.That(new RegenerateRecoveryCodesCommand("hunter2 secret", A.Session(7)).ToString(),
            Is.EqualTo("RegenerateRecoveryCodesCommand { Password = [redacted], UserId = 7 }"));
    }

    [Test]
    public void LoginSecondStepCommand_prints_no_code_recovery_code_or_token()
    {
        Assert.That(new LoginSecondStepCommand("123456", "ABCDE-FGHJK", "token", Requester: null).ToString(),
            Is.EqualTo("LoginSecondStepCommand { Code = [redacted], RecoveryCode = [redacted], PendingToken = [redacted], SignedIn = False }"));
    }
}
