using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Infrastructure.Mail;

/// <summary>
/// Sends the outbox in the background: at once when this process committed mail (<see cref="OutboxSignal"/>), and
/// every <see cref="OutboxOptions.PollInterval"/> for mail of other instances and retries that fell due. A failure of
/// the database or the mail server is logged and tried again later; it never stops the loop.
/// </summary>
public sealed partial class OutboxSender(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<EmailOptions> options, ILogger<OutboxSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.Outbox.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            int claimed;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                claimed = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogRoundFailed(exception.GetType().Name, exception.Message);
                claimed = 0;
            }

            // A full batch may have left more behind: go on at once. Otherwise wait for a commit or the next poll.
            if (claimed < options.Value.Outbox.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 1154, Level = LogLevel.Warning, Message = "The outbox could not be read ({Error}: {Reason}); trying again later")]
    private partial void LogRoundFailed(string error, string reason);
}
