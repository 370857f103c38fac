namespace DoubleDibz.Infrastructure.Throttling;

/// <summary>
/// Login attempts for one key not yet followed by a success (each is counted before its password is checked; the
/// column names are those of the first schema). Times are Unix milliseconds, so SQL can compare them on every provider.
/// </summary>
public sealed class LoginAttemptRecord
{
    public required string Key { get; init; }

    public int ConsecutiveFailures { get; init; }

    public long LastFailureUnixMs { get; init; }

    public long LockedUntilUnixMs { get; init; }
}
