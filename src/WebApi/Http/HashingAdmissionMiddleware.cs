using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;

namespace DoubleDibz.WebApi.Http;

/// <summary>Marks an endpoint whose use case hashes a password (login, signup).</summary>
public sealed class UsesPasswordHashingMetadata;

/// <summary>
/// Refuses a call to a password-hashing endpoint with 503 and Retry-After while the hasher is saturated, before
/// its body, CSRF token or database are touched. Under a login flood this makes each refusal nearly free, so
/// everything else (verify_auth above all) keeps its share of the machine. The hasher still refuses by itself
/// when a race slips past this check.
/// </summary>
public sealed class HashingAdmissionMiddleware(RequestDelegate next, IPasswordHasher hasher, AuthMetrics metrics)
{
    public const string Message = "The service is busy, try again shortly.";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<UsesPasswordHashingMetadata>() is null || !hasher.IsSaturated(out var retryAfter))
        {
            return next(context);
        }

        metrics.Throttled("hasher_busy");
        return ApiResults.RetryLater(StatusCodes.Status503ServiceUnavailable, Message, retryAfter).ExecuteAsync(context);
    }
}

public static class HashingAdmissionExtensions
{
    public static TBuilder UsesPasswordHashing<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new UsesPasswordHashingMetadata());
}
