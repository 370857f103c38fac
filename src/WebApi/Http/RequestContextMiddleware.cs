using System.Buffers;

namespace DoubleDibz.WebApi.Http;

/// <summary>
/// Gives every request a correlation id (the caller's <c>X-Correlation-Id</c> when it is a short token, else the
/// request's own id), returns it as a response header, and puts it with the client address in the log scope, so
/// every line logged for the request (audit entries included) carries both.
/// </summary>
public sealed class RequestContextMiddleware(RequestDelegate next, ILogger<RequestContextMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";
    private const int MaxLength = 64;
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    public async Task InvokeAsync(HttpContext context)
    {
        var offered = context.Request.Headers[HeaderName].ToString();
        if (offered.Length is > 0 and <= MaxLength && !offered.AsSpan().ContainsAnyExcept(Allowed))
        {
            context.TraceIdentifier = offered; // anything else could forge or break log lines
        }

        context.Response.Headers[HeaderName] = context.TraceIdentifier;
        using (logger.BeginScope(new RequestScope(context.TraceIdentifier, context.Connection.RemoteIpAddress?.ToString())))
        {
            await next(context);
        }
    }

    /// <summary>Structured scope state: log providers see two named values, not an anonymous object.</summary>
    private sealed class RequestScope(string correlationId, string? clientAddress) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 2;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("CorrelationId", correlationId),
            1 => new("ClientAddress", clientAddress),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
            yield return this[1];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"CorrelationId:{correlationId} ClientAddress:{clientAddress}";
    }
}
