namespace DoubleDibz.Infrastructure.Throttling;

/// <summary>Consecutive failed logins for one key. Times are Unix milliseconds, so SQL can compare them on every provider.</summary>
public sealed class LoginAttemptRecord
{
    public required string Key { get; init; }

    public int ConsecutiveFailures { get; init; }

    public long LastFailureUnixMs { get; init; }

    public long LockedUntilUnixMs { get; init; }
}
