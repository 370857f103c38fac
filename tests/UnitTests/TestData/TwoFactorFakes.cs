using DoubleDibz.Application.Account.TwoFactor;
using DoubleDibz.Application.Common.Ports;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DoubleDibz.UnitTests.TestData;

/// <summary>
/// The two-factor collaborators of a handler test: secrets "protect" to <c>protected(X)</c>; the code
/// <see cref="RightCode"/> matches the secret <c>SECRET</c> at <see cref="RightStep"/>; a recovery code's hash is
/// <c>keyed(recovery-code:USER:CODE)</c>, so <see cref="RecoveryHash"/> gives the stored value of a code.
/// </summary>
public sealed class TwoFactorFakes
{
    public const string RightCode = "123456";
    public const long RightStep = 101;
    public const string Secret = "SECRET";

    public TwoFactorFakes()
    {
        Codes.Setup(c => c.NewSecret()).Returns(Secret);
        Codes.Setup(c => c.SetupUri(It.IsAny<string>(), It.IsAny<string>())).Returns((string s, string u) => $"otpauth://totp/DoubleDibz:{u}?secret={s}");
        Codes.Setup(c => c.MatchStep(Secret, RightCode, It.IsAny<DateTimeOffset>())).Returns(RightStep);
        Secrets.Setup(s => s.Protect(It.IsAny<string>())).Returns((string s) => $"protected({s})");
        Secrets.Setup(s => s.Unprotect(It.IsAny<string>()))
            .Returns((string p) => p.StartsWith("protected(", StringComparison.Ordinal) ? p["protected(".Length..^1] : null);
        KeyedHasher.Setup(k => k.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((string text, CancellationToken _) => $"keyed({text})");
        QrCodes.Setup(q => q.Svg(It.IsAny<string>())).Returns("<svg/>");
    }

    public Mock<IAuthenticatorCodes> Codes { get; } = new();

    public Mock<ITwoFactorSecretProtection> Secrets { get; } = new();

    public Mock<IKeyedHasher> KeyedHasher { get; } = new();

    public Mock<IQrCodes> QrCodes { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));

    public RecoveryCodes RecoveryCodes => new(KeyedHasher.Object);

    public SecondFactorCheck Check => new(Codes.Object, Secrets.Object, RecoveryCodes, Clock);

    public static string RecoveryHash(int userId, string normalizedCode) => $"keyed(recovery-code:{userId}:{normalizedCode})";

    /// <summary>Turns two-factor sign-in on for the user with the fake secret and the given recovery codes (normalized).</summary>
    public static void Enable(DoubleDibz.Domain.Users.User user, long lastStep = 100, params string[] recoveryCodes)
    {
        user.BeginTwoFactorSetup($"protected({Secret})");
        user.EnableTwoFactor(lastStep, [.. recoveryCodes.Select(c => RecoveryHash(user.Id, c))]);
    }
}
