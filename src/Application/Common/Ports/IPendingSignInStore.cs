using DoubleDibz.Application.Auth.Login;

namespace DoubleDibz.Application.Common.Ports;

/// <summary>
/// Sign-ins waiting for their second factor: the right password was given, no session exists yet. The client holds
/// only a random token (in a short-lived cookie); the store keeps its hash, the user, the remember-me choice, the
/// attempt key the password step counted under, and how many codes were tried, so a replayed cookie cannot reset it.
/// </summary>
public interface IPendingSignInStore
{
    /// <summary>Stages a pending sign-in (written when the login commits); returns its only token and its expiry.</summary>
    Task<IssuedPendingSignIn> StartAsync(int userId, bool rememberMe, LoginAttemptKey passwordStepKey, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one more code tried against the pending sign-in of <paramref name="token"/>, written at once, and returns
    /// it; null (and nothing counted) when there is none, it has expired, or its codes are used up.
    /// </summary>
    Task<PendingSignIn?> TryAdmitCodeAsync(string token, CancellationToken cancellationToken);

    /// <summary>Ends the pending sign-in at once (its codes are used up); it cannot be admitted again.</summary>
    Task EndNowAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Stages the end of the pending sign-in, with the session that completes it.</summary>
    void End(Guid id);
}

/// <param name="Token">The cookie's value: the only copy of the secret.</param>
public sealed record IssuedPendingSignIn(string Token, DateTimeOffset ExpiresAt);

/// <param name="CodesTried">Codes tried so far, this one included.</param>
public sealed record PendingSignIn(Guid Id, int UserId, bool RememberMe, LoginAttemptKey PasswordStepKey, int CodesTried);
