using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.WebApi.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DoubleDibz.WebApi.Security;

/// <summary>A fixed window: at most <see cref="PermitLimit"/> requests per client per <see cref="Window"/>.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>Per-client request limits (section <c>RateLimiting</c>); the per-account login back-off is separate and always on.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    public WindowLimit Login { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public WindowLimit Signup { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Forgot-password, per client (its per-account limit is separate and always on).</summary>
    public WindowLimit ForgotPassword { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) };

    /// <summary>Every other <c>/api</c> endpoint.</summary>
    public WindowLimit Api { get; set; } = new() { PermitLimit = 1200, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>
/// ASP.NET Core rate limiting, partitioned by client address (after forwarded headers, when a proxy is trusted).
/// IPv6 clients are grouped by their /64, since one host usually owns a whole /64.
/// </summary>
public static class ClientRateLimits
{
    public const string Login = "login";
    public const string Signup = "signup";
    public const string Api = "api";
    public const string ForgotPassword = "forgot-password";

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.SectionName))
            .Validate(
                o => new[] { o.Login, o.Signup, o.Api, o.ForgotPassword }.All(l => l.PermitLimit >= 1 && l.Window > TimeSpan.Zero),
                "RateLimiting needs PermitLimit >= 1 and a positive Window for Login, Signup, Api and ForgotPassword.")
            .ValidateOnStart();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, settings) =>
        {
            // The limits are read once here, not on every request.
            var limits = settings.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Login, http => FixedWindow(http, Login, limits.Login));
            limiter.AddPolicy(Signup, http => FixedWindow(http, Signup, limits.Signup));
            limiter.AddPolicy(Api, http => FixedWindow(http, Api, limits.Api));
            limiter.AddPolicy(ForgotPassword, http => FixedWindow(http, ForgotPassword, limits.ForgotPassword));
            limiter.OnRejected = async (rejected, _) =>
            {
                var http = rejected.HttpContext;
                http.RequestServices.GetRequiredService<AuditLog>().RateLimited(http.Request.Method, http.Request.Path, ClientKey(http.Connection.RemoteIpAddress));
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = ApiResults.RetryAfterSeconds(retryAfter);
                await ApiResults.RetryLater(StatusCodes.Status429TooManyRequests, $"Too many requests, try again in {seconds} seconds", retryAfter)
                    .ExecuteAsync(http);
            };
        });
        return services;
    }

    public static WebApplication UseClientRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled)
        {
            app.UseRateLimiter();
        }

        return app;
    }

    private static RateLimitPartition<string> FixedWindow(HttpContext http, string policy, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(
            $"{policy}:{ClientKey(http.Connection.RemoteIpAddress)}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 });

    internal static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
