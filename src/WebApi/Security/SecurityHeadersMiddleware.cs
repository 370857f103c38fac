namespace DoubleDibz.WebApi.Security;

/// <summary>
/// Hardening headers on every response. The page gets a strict Content-Security-Policy: its own origin only, no
/// inline script or style, no framing. API responses are data, so their policy allows nothing at all.
/// API responses are also never stored by a browser or proxy (<c>Cache-Control: no-store</c>): they carry
/// user data and CSRF tokens. HSTS is added separately (<c>UseHsts</c>), outside Development and only over HTTPS.
/// The headers are written when the response starts, not when the request arrives, so that every way a response
/// is made — an endpoint, a status page, the rate limiter's 429, the authentication challenge, an error that
/// cleared the response (<c>Response.Clear()</c> drops headers set earlier) — carries them.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state => AddHeaders((HttpContext)state), context);
        return next(context);
    }

    private static Task AddHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";

        // Scalar's API reference (Development only) is a third-party page with inline script; it keeps its own rules.
        var isApi = context.Request.Path.StartsWithSegments("/api");
        if (!context.Request.Path.StartsWithSegments("/scalar"))
        {
            headers.ContentSecurityPolicy = isApi ? ApiPolicy : PagePolicy;
        }

        if (isApi)
        {
            headers.CacheControl = "no-store";
        }

        return Task.CompletedTask;
    }
}
