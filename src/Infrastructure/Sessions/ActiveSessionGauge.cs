using System.Diagnostics.Metrics;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DoubleDibz.Infrastructure.Sessions;

/// <summary>
/// The gauge <c>doubledibz.sessions.active</c>: unexpired sessions in the database (so the same figure on every
/// instance). Counted over the expiry index at most every <see cref="MaxAge"/>, however often it is scraped.
/// </summary>
public sealed class ActiveSessionGauge(AuthMetrics metrics, IServiceScopeFactory scopes, ITransientFailures transientFailures, TimeProvider clock) : IHostedService
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private long _count;
    private DateTimeOffset _countedAt = DateTimeOffset.MinValue;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.Meter.CreateObservableGauge("doubledibz.sessions.active", Observe, "{session}", "Sessions that have not expired.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private long Observe()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now - _countedAt >= MaxAge)
            {
                // Metric callbacks are synchronous; a count over an index is quick.
                // In a database outage the last count stays (a scrape must not fail with it; /readyz reports the outage).
                _countedAt = now;
                try
                {
                    using var scope = scopes.CreateScope();
                    _count = scope.ServiceProvider.GetRequiredService<AppDbContext>().Sessions.LongCount(s => s.ExpiresAt > now);
                }
                catch (Exception exception) when (transientFailures.IsTransient(exception))
                {
                }
            }

            return _count;
        }
    }
}
