using DoubleDibz.Application.Auth.Login;

namespace DoubleDibz.Application.Common.Ports;

/// <summary>
/// Login attempts per key, kept in the database so every instance and a restart see them. Unlike everything else a
/// command changes, these are written at once and stand whatever the command's outcome (a wrong password must count),
/// so an attempt is counted before the command writes anything.
/// </summary>
public interface ILoginAttemptStore
{
    /// <summary>
    /// In one atomic step: unless <paramref name="key"/> is locked at <paramref name="now"/>, counts one more attempt
    /// (an earlier one older than <see cref="LoginBackoffOptions.ForgetAfter"/> no longer counts) and locks the key as
    /// <see cref="LoginBackoffOptions.LockAfter"/> says for the new count. Null when the key was locked and nothing
    /// was counted.
    /// </summary>
    Task<CountedAttempt?> TryCountAsync(LoginAttemptKey key, DateTimeOffset now, LoginBackoffOptions policy, CancellationToken cancellationToken);

    /// <summary>Until when logins for <paramref name="key"/> are locked; null when there is no record.</summary>
    Task<DateTimeOffset?> FindLockedUntilAsync(LoginAttemptKey key, CancellationToken cancellationToken);

    Task ClearAsync(LoginAttemptKey key, CancellationToken cancellationToken);
}

/// <param name="Attempts">Consecutive attempts counted for the key, this one included.</param>
/// <param name="LockedUntil">Until when the key is now locked (in the past when it is not).</param>
public readonly record struct CountedAttempt(int Attempts, DateTimeOffset LockedUntil);
