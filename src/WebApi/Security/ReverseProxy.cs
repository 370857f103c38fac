using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DoubleDibz.WebApi.Security;

/// <summary>Proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> are believed (section <c>ReverseProxy</c>).</summary>
public sealed class ReverseProxySettings
{
    public const string SectionName = "ReverseProxy";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

/// <summary>
/// Forwarded headers are honoured only from configured proxies. With none configured they are ignored, so a
/// client cannot choose its own address (and escape its rate limit) by sending <c>X-Forwarded-For</c>.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ReverseProxySettings.SectionName).Get<ReverseProxySettings>() ?? new();
        services.AddSingleton(settings);
        // Parsed here, so a typo stops start-up with a clear message instead of failing at the first request.
        var proxies = settings.KnownProxies.Select(proxy => IPAddress.TryParse(proxy, out var address)
            ? address
            : throw new InvalidOperationException($"ReverseProxy:KnownProxies has '{proxy}', which is not an IP address.")).ToList();
        var networks = settings.KnownNetworks.Select(network => System.Net.IPNetwork.TryParse(network, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"ReverseProxy:KnownNetworks has '{network}', which is not a CIDR network.")).ToList();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        return services;
    }

    public static WebApplication UseReverseProxySupport(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ReverseProxySettings>().Any)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
