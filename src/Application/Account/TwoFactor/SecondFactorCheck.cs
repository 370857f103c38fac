using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Users;

namespace DoubleDibz.Application.Account.TwoFactor;

/// <summary>
/// Checks a second factor against a user's two-factor state and, when it is good, uses it up on the (tracked) user:
/// a TOTP code's time step must be later than the last one accepted (a code works once), a recovery code is removed.
/// The caller decides what a failure counts toward.
/// </summary>
public sealed class SecondFactorCheck(IAuthenticatorCodes codes, ITwoFactorSecretProtection secrets, RecoveryCodes recoveryCodes, TimeProvider clock)
{
    public const string InvalidCode = "The code is not valid";

    /// <summary>Proves <paramref name="code"/> against the user's secret (enabled or only set up) and accepts its time step.</summary>
    public bool TryUseCode(User user, string code)
    {
        var step = MatchStep(user, code);
        return step is { } matched && user.AcceptTimeStep(matched);
    }

    /// <summary>The time step a code from the user's secret is valid for now, if it is; nothing is used up.</summary>
    public long? MatchStep(User user, string code)
    {
        if (user.TwoFactorSecret is null || secrets.Unprotect(user.TwoFactorSecret) is not { } secret)
        {
            return null;
        }

        var digits = new string([.. code.Where(c => !char.IsWhiteSpace(c))]);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? codes.MatchStep(secret, digits, clock.GetUtcNow()) : null;
    }

    public async Task<bool> TryUseRecoveryCodeAsync(User user, string typed, CancellationToken cancellationToken) =>
        await recoveryCodes.HashAsync(user.Id, typed, cancellationToken) is { } hash && user.UseRecoveryCode(hash);

    /// <summary>A code from the app, or (when it looks like one) a recovery code: what the disable form accepts in one field.</summary>
    public async Task<SecondFactorUsed?> TryUseEitherAsync(User user, string typed, CancellationToken cancellationToken)
    {
        if (RecoveryCodes.Normalize(typed) is not null)
        {
            return await TryUseRecoveryCodeAsync(user, typed, cancellationToken) ? SecondFactorUsed.RecoveryCode : null;
        }

        return TryUseCode(user, typed) ? SecondFactorUsed.AuthenticatorCode : null;
    }
}

public enum SecondFactorUsed
{
    AuthenticatorCode,
    RecoveryCode,
}
