using System.Net;
using DoubleDibz.WebApi.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;

namespace DoubleDibz.WebApi.Endpoints;

/// <summary>The page at <c>/</c> (and every other non-API path), health probes and the OpenAPI document.</summary>
public static class SiteEndpoints
{
    public static IEndpointRouteBuilder MapSiteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).ExcludeFromDescription();
        app.MapOpenApi();

        return app;
    }

    /// <summary>
    /// Like the original's catch-all frontend route: a GET for any path outside <c>/api</c> that no endpoint
    /// and no asset took gets the app; other methods get 405. It runs after
    /// endpoint routing, not as a route, so a wrong method on a known API route still gets its 405 and an
    /// unknown API path its JSON 404.
    /// </summary>
    public static WebApplication UseSinglePageApp(this WebApplication app)
    {
        // The page's own script and style, from the assembly. "no-cache": browsers revalidate (ETag /
        // Last-Modified, so usually a 304) and a new release is picked up at once. A missing file falls through.
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/assets",
            FileProvider = new EmbeddedFileProvider(typeof(SpaPage).Assembly, "DoubleDibz.assets"),
            OnPrepareResponse = asset => asset.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseEndpoints(_ => { });
        app.Run(async http =>
        {
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                http.Response.Headers.Allow = "GET, HEAD";
                http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
            }

            var page = http.RequestServices.GetRequiredService<SpaPage>();
            var csrf = http.RequestServices.GetRequiredService<CsrfTokens>();
            http.Response.Headers.CacheControl = "no-store";
            await Results.Content(page.Render(csrf.IssueToken(http)), "text/html; charset=utf-8").ExecuteAsync(http);
        });
        return app;
    }
}

/// <summary>The single-page app's HTML, read once, with this browser's CSRF token in its meta tag.</summary>
public sealed class SpaPage
{
    private const string Placeholder = "{{csrf_token}}";
    private readonly string _template = Load();

    public string Render(string csrfToken) => _template.Replace(Placeholder, WebUtility.HtmlEncode(csrfToken), StringComparison.Ordinal);

    private static string Load()
    {
        using var stream = typeof(SpaPage).Assembly.GetManifestResourceStream("DoubleDibz.index.html")
            ?? throw new InvalidOperationException("The embedded page DoubleDibz.index.html is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
