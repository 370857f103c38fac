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
}
