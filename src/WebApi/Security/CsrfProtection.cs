using DoubleDibz.WebApi.Http;
using Microsoft.Net.Http.Headers;

namespace DoubleDibz.WebApi.Security;

/// <summary>Marks endpoints whose state-changing methods need an anti-forgery token.</summary>
public sealed class CsrfProtectedMetadata
{
    public static readonly CsrfProtectedMetadata Instance = new();
}

/// <summary>
/// Refuses a POST, PUT, PATCH or DELETE to a protected endpoint unless it carries this browser's token in
/// <c>X-CSRF-Token</c>, <c>X-CSRFToken</c> (the original client's header) or the form field <c>csrf_token</c>.
/// It runs before the endpoint, so a refused request changes nothing.
/// </summary>
public sealed partial class CsrfMiddleware(RequestDelegate next, CsrfTokens tokens, ILogger<CsrfMiddleware> logger)
{
    public const string FormField = "csrf_token";
    private static readonly string[] HeaderNames = ["X-CSRF-Token", "X-CSRFToken"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsStateChanging(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<CsrfProtectedMetadata>() is null)
        {
            await next(context);
            return;
        }

        var token = await ReadTokenAsync(context);
        if (!tokens.IsValid(context, token))
        {
            LogRejected(logger, context.Request.Path, context.Connection.RemoteIpAddress?.ToString(), context.TraceIdentifier);
            var message = string.IsNullOrEmpty(token) ? "The CSRF token is missing." : "The CSRF token is invalid.";
            await ApiResults.Error(StatusCodes.Status400BadRequest, message, ErrorTypes.Csrf).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool IsStateChanging(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static async Task<string?> ReadTokenAsync(HttpContext context)
    {
        foreach (var header in HeaderNames)
        {
            var value = context.Request.Headers[header].ToString();
            if (value.Length > 0)
            {
                return value;
            }
        }

        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            && mediaType.MatchesMediaType("application/x-www-form-urlencoded"))
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return form[FormField].ToString();
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CSRF check refused a request to {Path} from {ClientAddress} (correlation id {CorrelationId})")]
    private static partial void LogRejected(ILogger logger, string path, string? clientAddress, string correlationId);
}

public static class CsrfProtectionExtensions
{
    public static TBuilder RequireCsrfToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(CsrfProtectedMetadata.Instance);
}
