using DoubleDibz.Application.Common.Ports;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Application.Common.Throttling;

/// <summary>The back-off policy of <see cref="LoginBackoffOptions"/> over the stored failure counts.</summary>
public sealed class LoginThrottle(ILoginAttemptStore store, IOptions<LoginBackoffOptions> options, TimeProvider clock)
{
    private readonly LoginBackoffOptions _options = options.Value;

    /// <summary>Whether <paramref name="key"/> has failures on record, and how long its logins must still wait.</summary>
    public async Task<LoginAttemptStatus> CheckAsync(LoginAttemptKey key, CancellationToken cancellationToken)
    {
        var lockedUntil = await store.FindLockedUntilAsync(key, cancellationToken);
        var now = clock.GetUtcNow();
        return new LoginAttemptStatus(lockedUntil is not null, lockedUntil > now ? lockedUntil.Value - now : null);
    }

    /// <summary>Counts a failed login; returns the back-off it started, or null while failures are still free.</summary>
    public async Task<TimeSpan?> RecordFailureAsync(LoginAttemptKey key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var failures = await store.AddFailureAsync(key, now, now - _options.ForgetAfter, cancellationToken);
        if (failures < _options.FreeFailures)
        {
            return null;
        }

        var delay = DelayAfter(failures);
        await store.LockAsync(key, now + delay, cancellationToken);
        return delay;
    }

    /// <summary>Forgets the key's failures after a successful login; no write when there were none.</summary>
    public Task ResetAsync(LoginAttemptKey key, LoginAttemptStatus status, CancellationToken cancellationToken) =>
        status.HasFailures ? store.ClearAsync(key, cancellationToken) : Task.CompletedTask;

    /// <summary>The lock after the <paramref name="failures"/>th consecutive failure: doubling, capped.</summary>
    public TimeSpan DelayAfter(int failures)
    {
        var doublings = Math.Max(0, failures - _options.FreeFailures);
        var seconds = _options.InitialDelay.TotalSeconds * Math.Pow(2, doublings); // in double: no overflow, only +Infinity
        return seconds < _options.MaxDelay.TotalSeconds ? TimeSpan.FromSeconds(seconds) : _options.MaxDelay;
    }
}

/// <param name="HasFailures">Failed logins are on record for the key (so a success has something to clear).</param>
/// <param name="RetryAfter">How long logins must still wait; null when they may try now.</param>
public readonly record struct LoginAttemptStatus(bool HasFailures, TimeSpan? RetryAfter);
