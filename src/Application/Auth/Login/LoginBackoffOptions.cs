namespace DoubleDibz.Application.Auth.Login;

/// <summary>
/// Per-account back-off (section <c>LoginBackoff</c>). Every attempt is counted before its password is checked;
/// after <see cref="FreeFailures"/> consecutive attempts that did not succeed the key's logins are locked for a delay
/// that doubles from <see cref="InitialDelay"/> up to <see cref="MaxDelay"/>. A success, or <see cref="ForgetAfter"/>
/// without attempts, starts the count again. There is no permanent lock, so an attacker cannot shut the owner out
/// for good; and a browser with a device cookie has its own count besides.
/// </summary>
public sealed class LoginBackoffOptions
{
    public const string SectionName = "LoginBackoff";

    /// <summary>The most doublings ever applied; beyond it the delay is <see cref="MaxDelay"/> anyway.</summary>
    private const int MaxDoublings = 30;

    public int FreeFailures { get; set; } = 5;

    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Hours, not a day: rows for unknown logins (which anyone can create) go soon. Known and unknown logins share it,
    /// so a 429 cannot tell them apart.
    /// </summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long logins are locked once <paramref name="attempts"/> attempts have been counted; null while they are free.</summary>
    public TimeSpan? LockAfter(int attempts)
    {
        if (attempts < FreeFailures)
        {
            return null;
        }

        var doublings = Math.Min(attempts - FreeFailures, MaxDoublings);
        var seconds = InitialDelay.TotalSeconds * Math.Pow(2, doublings);
        return seconds < MaxDelay.TotalSeconds ? TimeSpan.FromSeconds(seconds) : MaxDelay;
    }

    /// <summary>The distinct lock delays in order, from the first lock to <see cref="MaxDelay"/> (a short list).</summary>
    public IReadOnlyList<TimeSpan> LockSchedule()
    {
        var schedule = new List<TimeSpan>();
        for (var attempts = FreeFailures; ; attempts++)
        {
            var delay = LockAfter(attempts)!.Value;
            schedule.Add(delay);
            if (delay >= MaxDelay || attempts - FreeFailures >= MaxDoublings)
            {
                return schedule;
            }
        }
    }
}
