using DoubleDibz.Application.Common.Sessions;
using Microsoft.Extensions.Options;

namespace DoubleDibz.WebApi.Security;

/// <summary>The session cookie: it carries the session token and nothing else.</summary>
public sealed class SessionCookie(IOptions<CookieSettings> settings, TimeProvider clock)
{
    private readonly CookieSettings _settings = settings.Value;

    public string? Read(HttpContext context) => context.Request.Cookies[_settings.SessionCookie];

    /// <summary>A browser-session cookie, or a persistent one (Expires and Max-Age) for remember-me.</summary>
    public void Write(HttpContext context, IssuedSession session) =>
        context.Response.Cookies.Append(_settings.SessionCookie, session.Token, _settings.Options(context, session.CookieExpiresAt, clock));

    public void Delete(HttpContext context) =>
        context.Response.Cookies.Delete(_settings.SessionCookie, _settings.Options(context));
}
