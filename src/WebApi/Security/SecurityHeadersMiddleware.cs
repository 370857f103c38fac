namespace DoubleDibz.WebApi.Security;

/// <summary>
/// Hardening headers on every response. The page gets a strict Content-Security-Policy: its own origin only, no
/// inline script or style, no framing. API responses are data, so their policy allows nothing at all.
/// HSTS is added separately (<c>UseHsts</c>), outside Development and only over HTTPS.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";

        // Scalar's API reference (Development only) is a third-party page with inline script; it keeps its own rules.
        if (!context.Request.Path.StartsWithSegments("/scalar"))
        {
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api") ? ApiPolicy : PagePolicy;
        }

        return next(context);
    }
}
