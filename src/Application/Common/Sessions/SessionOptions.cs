namespace DoubleDibz.Application.Common.Sessions;

/// <summary>Session lifetimes (configuration section <c>Sessions</c>).</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Sessions";

    /// <summary>A browser-session sign-in ends after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A remember-me sign-in ends after this long without a request; also its cookie's lifetime.</summary>
    public TimeSpan RememberMeIdleTimeout { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often at most "last seen" is written for one session, to keep reads free of writes.</summary>
    public TimeSpan TouchInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A browser-session sign-in ends this long after it began, however active.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A remember-me sign-in ends this long after it began, however active.</summary>
    public TimeSpan RememberMeAbsoluteLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// When a remember-me cookie is renewed its token changes; the old token keeps working this long, so requests the
    /// browser sent in parallel with the renewing one do not fail.
    /// </summary>
    public TimeSpan RotationGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sessions one user may hold at once; a new sign-in beyond it ends the oldest.</summary>
    public int MaxPerUser { get; set; } = 50;

    public TimeSpan IdleTimeoutFor(bool persistent) => persistent ? RememberMeIdleTimeout : IdleTimeout;

    public TimeSpan AbsoluteLifetimeFor(bool persistent) => persistent ? RememberMeAbsoluteLifetime : AbsoluteLifetime;
}
