using DoubleDibz.Application.Common.Ports;
using Microsoft.Extensions.Options;

namespace DoubleDibz.WebApi.Security;

/// <summary>
/// The cookie that marks a sign-in waiting for its second factor (two-factor sign-in): the pending sign-in's random
/// token and nothing else, with the attributes of every cookie (HttpOnly, SameSite, Secure and <c>__Host-</c> outside
/// Development), expiring with the pending sign-in. It is not a session: it opens nothing but the second step.
/// </summary>
public sealed class PendingSignInCookie(IOptions<CookieSettings> settings, TimeProvider clock)
{
    private readonly CookieSettings _settings = settings.Value;

    public string? Read(HttpContext context) => context.Request.Cookies[_settings.PendingSignInCookie] is { Length: > 0 and <= 100 } token ? token : null;

    public void Write(HttpContext context, IssuedPendingSignIn pending) =>
        context.Response.Cookies.Append(_settings.PendingSignInCookie, pending.Token, _settings.Options(context, pending.ExpiresAt, clock));

    public void Delete(HttpContext context) =>
        context.Response.Cookies.Delete(_settings.PendingSignInCookie, _settings.Options(context));
}
