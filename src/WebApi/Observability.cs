using DoubleDibz.Application.Common.Audit;
using OpenTelemetry.Metrics;

namespace DoubleDibz.WebApi;

/// <summary>Metrics settings (section <c>Metrics</c>).</summary>
public sealed class MetricsSettings
{
    public const string SectionName = "Metrics";

    /// <summary>Serve the Prometheus scrape endpoint.</summary>
    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/metrics";
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

    /// <summary>The service's meter plus ASP.NET Core's own (request duration, connections), for Prometheus.</summary>
    public static IServiceCollection AddMetricsExport(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(MetricsSettings.SectionName).Get<MetricsSettings>() ?? new();
        services.AddSingleton(settings);
        if (settings.Enabled)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(AuthMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting")
                .AddPrometheusExporter());
        }

        return services;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        var settings = app.ServiceProvider.GetRequiredService<MetricsSettings>();
        if (settings.Enabled)
        {
            app.MapPrometheusScrapingEndpoint(settings.Path).ExcludeFromDescription();
        }

        return app;
    }
}
