using DoubleDibz.Application.Account.TwoFactor;
using DoubleDibz.Application.Common.Ports;
using OtpNet;

namespace DoubleDibz.Infrastructure.TwoFactor;

/// <summary>TOTP (RFC 6238) with Otp.NET, as every authenticator app computes it: SHA-1, 6 digits, 30-second steps.</summary>
public sealed class TotpAuthenticatorCodes : IAuthenticatorCodes
{
    public const int SecretBytes = 20; // 160 bits, RFC 4226's recommendation
    private const int Digits = 6;
    private const int StepSeconds = 30;

    // One step either way: a phone clock a little off, or a code typed as it changed.
    private static readonly VerificationWindow ClockSkew = new(previous: 1, future: 1);

    public string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(SecretBytes));

    public string SetupUri(string secret, string userName)
    {
        var issuer = Uri.EscapeDataString(TwoFactorOptions.Issuer);
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(userName)}?secret={secret}&issuer={issuer}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";
    }

    public long? MatchStep(string secret, string code, DateTimeOffset at)
    {
        var totp = new Totp(Base32Encoding.ToBytes(secret), step: StepSeconds, mode: OtpHashMode.Sha1, totpSize: Digits);
        return totp.VerifyTotp(at.UtcDateTime, code, out var step, ClockSkew) ? step : null;
    }
}
