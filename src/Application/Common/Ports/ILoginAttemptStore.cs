using DoubleDibz.Application.Common.Throttling;

namespace DoubleDibz.Application.Common.Ports;

/// <summary>Consecutive failed logins per key, kept in the database so every instance and a restart see them.</summary>
public interface ILoginAttemptStore
{
    /// <summary>
    /// Until when logins for <paramref name="key"/> are locked (a time in the past when they are not); null when
    /// there is no failure on record at all.
    /// </summary>
    Task<DateTimeOffset?> FindLockedUntilAsync(LoginAttemptKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one more failure, atomically, and returns the consecutive count. A previous failure older than
    /// <paramref name="forgetBefore"/> no longer counts.
    /// </summary>
    Task<int> AddFailureAsync(LoginAttemptKey key, DateTimeOffset now, DateTimeOffset forgetBefore, CancellationToken cancellationToken);

    Task LockAsync(LoginAttemptKey key, DateTimeOffset until, CancellationToken cancellationToken);

    Task ClearAsync(LoginAttemptKey key, CancellationToken cancellationToken);
}
