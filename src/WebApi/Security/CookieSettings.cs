namespace DoubleDibz.WebApi.Security;

/// <summary>Cookie settings (configuration section <c>Cookies</c>).</summary>
public sealed class CookieSettings
{
    public const string SectionName = "Cookies";

    public string SessionCookieName { get; set; } = "dd_session";

    public string CsrfCookieName { get; set; } = "dd_csrf";

    public string DeviceCookieName { get; set; } = "dd_device";

    /// <summary>How long a device cookie (left by a successful login) keeps the browser's own back-off budget.</summary>
    public TimeSpan DeviceCookieLifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// <c>SameAsRequest</c> (default): cookies are <c>Secure</c> when the request came over HTTPS.
    /// <c>Always</c>: always <c>Secure</c>, for production behind TLS.
    /// </summary>
    public CookieSecurePolicy Secure { get; set; } = CookieSecurePolicy.SameAsRequest;

    internal CookieOptions Options(HttpContext context, DateTimeOffset? expires = null, TimeProvider? clock = null) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = Secure == CookieSecurePolicy.Always || (Secure == CookieSecurePolicy.SameAsRequest && context.Request.IsHttps),
        Path = "/",
        IsEssential = true,
        Expires = expires,
        MaxAge = expires is { } at && clock is not null ? at - clock.GetUtcNow() : null,
    };
}
