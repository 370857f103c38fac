using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Infrastructure.Passwords;

namespace DoubleDibz.WebApi.Http;

/// <summary>Marks an endpoint whose use case hashes a password (login, signup).</summary>
public sealed class UsesPasswordHashingMetadata;

/// <summary>
/// Refuses a call to a password-hashing endpoint with 503 and Retry-After while the hasher is saturated, before
/// its body, CSRF token or database are touched. Under a login flood this makes each refusal cheap, so everything
/// else (verify_auth above all) keeps its share of the machine. The hasher still refuses by itself when a race slips
/// past this check.
/// <para>
/// A refusal is held for <see cref="Argon2Options.RefusalDelay"/> first (a timer, no thread), for at most
/// <see cref="Argon2Options.MaxHeldRefusals"/> requests at once: a flooding client that retries the moment it is
/// refused then sends a fraction of the requests, and the CPU they would have cost goes to the hashing lanes; a slot
/// that frees meanwhile admits the held request instead of refusing it.
/// </para>
/// </summary>
public sealed class HashingAdmissionMiddleware(RequestDelegate next, IPasswordHasher hasher, RefusalHold hold, AuthMetrics metrics)
{
    public const string Message = "The service is busy, try again shortly.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<UsesPasswordHashingMetadata>() is null || !hasher.IsSaturated(out var retryAfter))
        {
            await next(context);
            return;
        }

        if (await hold.HoldAsync(context.RequestAborted) && !hasher.IsSaturated(out retryAfter))
        {
            await next(context);
            return;
        }

        metrics.Throttled("hasher_busy");
        await ApiResults.RetryLater(StatusCodes.Status503ServiceUnavailable, Message, retryAfter).ExecuteAsync(context);
    }
}

public static class HashingAdmissionExtensions
{
    public static TBuilder UsesPasswordHashing<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new UsesPasswordHashingMetadata());
}
