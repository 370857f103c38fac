using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Infrastructure.Maintenance;

/// <summary>
/// Runs <see cref="ExpiredRowCleanup"/> every <see cref="MaintenanceOptions.SweepInterval"/> (default
/// <see cref="DefaultInterval"/>), so expired sessions and stale login counts do
/// not pile up. Instances sharing a database may all sweep; deleting the same rows twice is harmless.
/// </summary>
public sealed partial class ExpiredRowSweeper(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<MaintenanceOptions> options, ILogger<ExpiredRowSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<ExpiredRowCleanup>().RunAsync(stoppingToken);
                LogSwept(logger, deleted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be briefly unavailable; the next tick tries again.
                LogSweepFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Swept {Deleted} expired rows")]
    private static partial void LogSwept(ILogger logger, int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired rows failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
