using DoubleDibz.Infrastructure.Passwords;
using Microsoft.Extensions.Options;

namespace DoubleDibz.WebApi.Http;

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
