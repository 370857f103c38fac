using System.Diagnostics;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace DoubleDibz.Application.Common.Behaviors;

/// <summary>
/// Logs each use case's name, outcome and duration. It never logs the message itself, which may hold a password.
/// Commands log at Information; queries (the hot, read-only path) at Debug. An exception is logged as an error,
/// except when the service is busy or the database unavailable (<see cref="ITransientFailures"/>): those come by the
/// hundred in an outage, and the host logs them once per window.
/// </summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(
    ILogger<LoggingBehavior<TMessage, TResponse>> logger,
    ITransientFailures? transientFailures = null)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string UseCase = typeof(TMessage).Name;
    private static readonly LogLevel Level = typeof(IBaseQuery).IsAssignableFrom(typeof(TMessage)) ? LogLevel.Debug : LogLevel.Information;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            if (logger.IsEnabled(Level))
            {
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var outcome = Outcome(response);
                LogCompleted(logger, Level, UseCase, outcome, elapsedMs);
            }

            return response;
        }
        catch (ServiceBusyException)
        {
            // Expected under overload, and then it comes by the hundred per second: a line each would be the load.
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogCompleted(logger, LogLevel.Debug, UseCase, "Busy", elapsedMs);
            }

            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException && transientFailures?.IsTransient(exception) == true)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogCompleted(logger, LogLevel.Debug, UseCase, "Unavailable", elapsedMs);
            }

            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogFailed(logger, UseCase, elapsedMs, exception);
            throw;
        }
    }

    private static string Outcome(TResponse response) => response switch
    {
        IResultStatus { FailureKind: { } kind } => kind.ToString(),
        _ => "Succeeded",
    };

    [LoggerMessage(Message = "{UseCase} finished: {Outcome} in {ElapsedMs:0.0} ms")]
    private static partial void LogCompleted(ILogger logger, LogLevel level, string useCase, string outcome, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{UseCase} threw after {ElapsedMs:0.0} ms")]
    private static partial void LogFailed(ILogger logger, string useCase, double elapsedMs, Exception exception);
}
