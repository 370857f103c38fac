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
