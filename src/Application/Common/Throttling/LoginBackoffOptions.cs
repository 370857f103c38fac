namespace DoubleDibz.Application.Common.Throttling;

/// <summary>
/// Per-account back-off after failed logins (section <c>LoginBackoff</c>). After <see cref="FreeFailures"/>
/// consecutive failures each further failure locks the account's logins for a delay that doubles from
/// <see cref="InitialDelay"/> up to <see cref="MaxDelay"/>. A success, or <see cref="ForgetAfter"/> without
/// failures, starts the count again. There is no permanent lock, so an attacker cannot shut the owner out for good.
/// </summary>
public sealed class LoginBackoffOptions
{
    public const string SectionName = "LoginBackoff";

    public int FreeFailures { get; set; } = 5;

    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromDays(1);
}
