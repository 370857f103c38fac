using DoubleDibz.Application.Common;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;

namespace DoubleDibz.WebApi.Http;

/// <summary>
/// Turns what escapes the endpoints into the contract's envelope: a bad request (malformed body, body too large)
/// keeps its 4xx status; an overloaded service, or a database that is down or busy (<see cref="ITransientFailures"/>),
/// answers 503 with Retry-After; anything else is a bug and becomes a bare 500 whose only detail is a correlation
/// id, while the exception itself goes to the log under that id. An outage fails every request the same way, so it
/// is logged once per minute with the number of requests it failed, not once per request.
/// </summary>
public sealed partial class ErrorEnvelopeMiddleware(
    RequestDelegate next,
    AuthMetrics metrics,
    ITransientFailures transientFailures,
    RepeatedEventLimiter repeats,
    ILogger<ErrorEnvelopeMiddleware> logger)
{
    public const string DatabaseUnavailableMessage = "The service is temporarily unavailable, try again shortly.";

    /// <summary>What a client is told to wait after a database failure: long enough for a restart or fail-over.</summary>
    public static readonly TimeSpan DatabaseRetryAfter = TimeSpan.FromSeconds(5);

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            var message = exception.StatusCode == StatusCodes.Status400BadRequest ? exception.Message : ErrorTypes.DefaultMessage(exception.StatusCode);
            LogBadRequest(logger, exception.StatusCode, message);
            await ApiResults.Error(exception.StatusCode, message).ExecuteAsync(context);
        }
        catch (InvalidDataException) when (!context.Response.HasStarted)
        {
            // The form reader refuses bodies beyond its limits (too many fields).
            LogBadRequest(logger, StatusCodes.Status400BadRequest, "unreadable form");
            await ApiResults.Error(StatusCodes.Status400BadRequest, "The form body could not be read.").ExecuteAsync(context);
        }
        catch (ServiceBusyException exception) when (!context.Response.HasStarted)
        {
            LogBusy(logger, exception.Message);
            metrics.Throttled("hasher_busy");
            await ApiResults.RetryLater(StatusCodes.Status503ServiceUnavailable, HashingAdmissionMiddleware.Message, exception.RetryAfter)
                .ExecuteAsync(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && transientFailures.IsTransient(exception))
        {
            if (repeats.ShouldLog("DatabaseUnavailable", "database", out var count))
            {
                LogDatabaseUnavailable(logger, count, context.TraceIdentifier, exception);
            }

            metrics.Throttled("database_unavailable");
            context.Response.Clear();
            await ApiResults.RetryLater(StatusCodes.Status503ServiceUnavailable, DatabaseUnavailableMessage, DatabaseRetryAfter).ExecuteAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            LogUnhandled(logger, context.TraceIdentifier, exception);
            context.Response.Clear();
            await ApiResults.Error(
                StatusCodes.Status500InternalServerError,
                "An unexpected error occurred.",
                moreInfo: $"correlation id {context.TraceIdentifier}").ExecuteAsync(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request answered with {StatusCode}: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, int statusCode, string reason);

    // Debug: under a flood this fires for every refused request; the metrics count them.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused with 503: {Reason}")]
    private static partial void LogBusy(ILogger logger, string reason);

    [LoggerMessage(EventId = 2001, EventName = "DatabaseUnavailable", Level = LogLevel.Error,
        Message = "The database failed {Count} request(s) with a transient error since the last such line (answered 503); this one: correlation id {CorrelationId}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, int count, string correlationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception, correlation id {CorrelationId}")]
    private static partial void LogUnhandled(ILogger logger, string correlationId, Exception exception);
}
