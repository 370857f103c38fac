using DoubleDibz.Application.Common.Audit;
using OpenTelemetry.Metrics;

namespace DoubleDibz.WebApi;

/// <summary>Metrics settings (section <c>Metrics</c>).</summary>
public sealed class MetricsSettings
{
    public const string SectionName = "Metrics";

    /// <summary>Collect metrics (OpenTelemetry with the Prometheus exporter). Serving them also needs <see cref="Port"/>.</summary>
    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// The management port metrics are served on, on every interface; none (the default) serves them nowhere.
    /// Never the public port: counts per outcome tell an outsider things the API itself is careful not to say.
    /// </summary>
    public int? Port { get; set; }

    public bool Served => Enabled && Port is not null;
}

/// <summary>Structured logs and OpenTelemetry metrics.</summary>
public static class Observability
{
    /// <summary>
    /// The <c>appsettings.json</c> shipped beside the assembly, as the lowest-priority source: started from another
    /// folder (<c>dotnet /opt/app/DoubleDibz.WebApi.dll</c>), the content root has none, and without it every request
    /// was logged at Information (three JSON lines each), which cost more than the request.
    /// </summary>
    public static WebApplicationBuilder AddShippedSettings(this WebApplicationBuilder builder)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var contentRootHasIt = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")) == Path.GetFullPath(shipped);
        if (File.Exists(shipped) && !contentRootHasIt)
        {
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
                Path = "appsettings.json",
                Optional = true,
            });
        }

        return builder;
    }

    /// <summary>Outside Development, console logs are JSON lines with their scopes (correlation id, client address).</summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        return builder;
    }

    /// <summary>
    /// With <c>Metrics:Port</c> set, Kestrel also listens on that port: it is added to the configured addresses
    /// (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, or the default), which keeps those working. A host that binds its
    /// endpoints in code or in <c>Kestrel:Endpoints</c> must bind the management port there too.
    /// </summary>
    public static WebApplicationBuilder AddMetricsPort(this WebApplicationBuilder builder)
    {
        var settings = MetricsSettingsFrom(builder.Configuration);
        if (settings.Served)
        {
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
            var publicUrls = string.IsNullOrWhiteSpace(urls) ? "http://localhost:5000" : urls;
            builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, $"{publicUrls};http://+:{settings.Port}");
        }

        return builder;
    }

    /// <summary>The service's meter plus ASP.NET Core's own (request duration, connections), for Prometheus.</summary>
    public static IServiceCollection AddMetricsExport(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = MetricsSettingsFrom(configuration);
        services.AddSingleton(settings);
        if (settings.Enabled)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(AuthMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting")
                // No response cache: the management port is not public, and a scrape should see the counters as they are now
                // (the exporter's default 300 ms cache answered a scrape right after a login with the figures before it).
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        }

        return services;
    }

    /// <summary>
    /// Requests that arrived on the management port get the metrics at <c>Metrics:Path</c> and a 404 for
    /// anything else; they never reach the API. The branch is chosen by the port the connection came in on, not by
    /// the Host header, which a client on the public port could set to anything.
    /// </summary>
    public static IApplicationBuilder UseMetricsPort(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<MetricsSettings>();
        if (settings.Served)
        {
            var port = settings.Port!.Value;
            var path = new PathString(settings.Path);
            app.MapWhen(context => context.Connection.LocalPort == port, management =>
            {
                management.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Path == path);
                management.Run(context =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                });
            });
        }

        return app;
    }

    private static MetricsSettings MetricsSettingsFrom(IConfiguration configuration)
    {
        var settings = configuration.GetSection(MetricsSettings.SectionName).Get<MetricsSettings>() ?? new();
        if (settings.Port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"Metrics:Port {settings.Port} is not a TCP port (1-65535).");
        }

        return settings;
    }
}
