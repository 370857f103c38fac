using DoubleDibz.Application.Common.Ports;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Application.Auth.Login;

/// <summary>
/// The back-off of <see cref="LoginBackoffOptions"/> over the stored counts. An attempt is counted <em>before</em> its
/// password is checked, in one atomic step with the lock check, so guesses sent in parallel get no more checks than
/// guesses sent one after another.
/// </summary>
public sealed class LoginThrottle(ILoginAttemptStore store, IOptions<LoginBackoffOptions> options, TimeProvider clock)
{
    // A refused attempt whose lock ended a moment ago (or whose row a success just cleared) may simply try again.
    private static readonly TimeSpan ShortestWait = TimeSpan.FromSeconds(1);

    private readonly LoginBackoffOptions _options = options.Value;

    /// <summary>Counts an attempt for <paramref name="key"/>, or refuses it while the key is locked.</summary>
    public async Task<LoginAttemptAdmission> BeginAsync(LoginAttemptKey key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await store.TryCountAsync(key, now, _options, cancellationToken) is { } counted)
        {
            return new LoginAttemptAdmission(RetryAfter: null, LockIfFailed: counted.LockedUntil > now ? _options.LockAfter(counted.Attempts) : null);
        }

        var lockedUntil = await store.FindLockedUntilAsync(key, cancellationToken);
        var wait = lockedUntil - now;
        return new LoginAttemptAdmission(wait > ShortestWait ? wait : ShortestWait, LockIfFailed: null);
    }

    /// <summary>The attempt succeeded: the key's count starts again.</summary>
    public Task SucceededAsync(LoginAttemptKey key, CancellationToken cancellationToken) => store.ClearAsync(key, cancellationToken);
}

/// <param name="RetryAfter">Set when the attempt was refused (the key is locked): how long to wait. Null when admitted.</param>
/// <param name="LockIfFailed">For an admitted attempt: the lock it started, which stands unless the attempt succeeds.</param>
public readonly record struct LoginAttemptAdmission(TimeSpan? RetryAfter, TimeSpan? LockIfFailed);
