namespace DoubleDibz.Infrastructure.TwoFactor;

/// <summary>A sign-in waiting for its second factor. The token is never stored: only its SHA-256.</summary>
public sealed class PendingSignInRecord
{
    public Guid Id { get; init; }

    public required byte[] TokenHash { get; init; }

    public int UserId { get; init; }

    public bool RememberMe { get; init; }

    /// <summary>The login-attempt key the password step was counted under, cleared when the sign-in completes.</summary>
    public required string PasswordStepKey { get; init; }

    public int CodesTried { get; init; }

    public long ExpiresAtUnixMs { get; init; }
}
