namespace DoubleDibz.Application.Common.Ports;

/// <summary>
/// Time-based one-time codes (TOTP, RFC 6238) as authenticator apps compute them: SHA-1, 6 digits, 30-second steps.
/// The secret is Base32 text, as the app receives it.
/// </summary>
public interface IAuthenticatorCodes
{
    /// <summary>A new random secret of at least 160 bits, Base32-encoded.</summary>
    string NewSecret();

    /// <summary>The <c>otpauth://totp/...</c> URI an authenticator app reads (from the QR code) for this account.</summary>
    string SetupUri(string secret, string userName);

    /// <summary>
    /// The time step <paramref name="code"/> is valid for at <paramref name="at"/>, allowing one step of clock skew either
    /// way; null when it is not a valid code then. Whether that step was already used is the caller's question.
    /// </summary>
    long? MatchStep(string secret, string code, DateTimeOffset at);
}
