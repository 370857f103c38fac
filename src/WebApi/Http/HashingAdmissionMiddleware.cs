using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Infrastructure.Passwords;
using Microsoft.Extensions.Options;

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

/// <summary>
/// Holds refusals of the saturated hasher for <see cref="Argon2Options.RefusalDelay"/>, at most
/// <see cref="Argon2Options.MaxHeldRefusals"/> at once (a timer each, no thread), so holding stays bounded.
/// </summary>
public sealed class RefusalHold(IOptions<Argon2Options> options)
{
    private readonly TimeSpan _delay = options.Value.RefusalDelay;
    private readonly int _max = options.Value.MaxHeldRefusals;
    private int _held;

    /// <summary>Refusals being held now.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Waits the refusal delay unless none is configured or too many refusals are held; false when it did not wait.</summary>
    public async Task<bool> HoldAsync(CancellationToken aborted)
    {
        if (_delay <= TimeSpan.Zero)
        {
            return false;
        }

        try
        {
            if (Interlocked.Increment(ref _held) > _max)
            {
                return false;
            }

            await Task.Delay(_delay, aborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false; // the client left; answering it costs nothing more
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }
    }
}

public static class HashingAdmissionExtensions
{
    public static TBuilder UsesPasswordHashing<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new UsesPasswordHashingMetadata());
}
