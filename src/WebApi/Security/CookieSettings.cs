namespace DoubleDibz.WebApi.Security;

/// <summary>
/// Cookie settings (configuration section <c>Cookies</c>), and the one place where a cookie's effective name and
/// attributes are derived: every cookie the service sets goes through <see cref="NameFor"/> and <see cref="Options"/>.
/// </summary>
public sealed class CookieSettings
{
    public const string SectionName = "Cookies";

    /// <summary>
    /// The prefix browsers enforce for cookies that are <c>Secure</c>, have <c>Path=/</c> and no <c>Domain</c>: such a
    /// cookie can only have been set by this very host over HTTPS, so a sibling subdomain cannot plant its own
    /// session or CSRF browser id for us (cookie tossing).
    /// </summary>
    public const string HostPrefix = "__Host-";

    /// <summary>Base name of the session cookie (see <see cref="NameFor"/>).</summary>
    public string SessionCookieName { get; set; } = "dd_session";

    /// <summary>Base name of the cookie holding the browser id CSRF tokens are bound to.</summary>
    public string CsrfCookieName { get; set; } = "dd_csrf";

    /// <summary>Base name of the device cookie a successful login leaves (the <c>DeviceCookie</c> class reads and writes it).</summary>
    public string DeviceCookieName { get; set; } = "dd_device";

    /// <summary>Base name of the cookie that marks a sign-in waiting for its second factor (<c>PendingSignInCookie</c>).</summary>
    public string PendingSignInCookieName { get; set; } = "dd_2fa";

    /// <summary>How long a device cookie (left by a successful login) keeps the browser's own back-off budget.</summary>
    public TimeSpan DeviceCookieLifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// <c>Always</c>: always <c>Secure</c>, the default outside Development (production sits behind TLS, also when a
    /// proxy terminates it). <c>SameAsRequest</c>: <c>Secure</c> when the request came over HTTPS; the default in
    /// Development, and what plain-HTTP test set-ups use.
    /// </summary>
    public CookieSecurePolicy Secure { get; set; } = CookieSecurePolicy.Always;

    public string SessionCookie => NameFor(SessionCookieName);

    public string CsrfCookie => NameFor(CsrfCookieName);

    public string DeviceCookie => NameFor(DeviceCookieName);

    public string PendingSignInCookie => NameFor(PendingSignInCookieName);

    /// <summary>
    /// The name a cookie is sent under: <c>__Host-</c> + <paramref name="baseName"/> when cookies are always
    /// <c>Secure</c>, else the base name. Only under <c>Always</c>, because a name must not change with the scheme
    /// of the request that reads it.
    /// </summary>
    public string NameFor(string baseName) => Secure == CookieSecurePolicy.Always ? HostPrefix + baseName : baseName;

    /// <summary>
    /// Attributes of every cookie: <c>HttpOnly</c>, <c>SameSite=Lax</c>, <c>Path=/</c>, never a <c>Domain</c> (the
    /// <c>__Host-</c> prefix requires both), <c>Secure</c> by <see cref="Secure"/>. With <paramref name="expires"/>
    /// (and the clock), a persistent cookie with <c>Expires</c> and <c>Max-Age</c>; without, a browser-session cookie.
    /// </summary>
    public CookieOptions Options(HttpContext context, DateTimeOffset? expires = null, TimeProvider? clock = null) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = Secure == CookieSecurePolicy.Always || (Secure == CookieSecurePolicy.SameAsRequest && context.Request.IsHttps),
        Path = "/",
        Domain = null,
        IsEssential = true,
        Expires = expires,
        MaxAge = expires is { } at && clock is not null ? at - clock.GetUtcNow() : null,
    };
}
