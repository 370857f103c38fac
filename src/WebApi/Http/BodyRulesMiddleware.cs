using Microsoft.AspNetCore.WebUtilities;

namespace DoubleDibz.WebApi.Http;

/// <summary>
/// Every state-changing API call, whether or not its endpoint reads a body: a body over the limit is a 413 and a
/// body that is neither JSON nor a form is a 415, before anything else looks at it.
/// </summary>
public sealed class BodyRulesMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (ApiRequests.IsStateChangingCall(context))
        {
            if (context.Request.ContentLength > RequestBody.MaxBytes)
            {
                // The unread body is too large for Kestrel to drain, so this connection cannot carry another
                // request; saying so stops clients from reusing it.
                context.Response.Headers.Connection = "close";
                await Refuse(context, StatusCodes.Status413PayloadTooLarge);
                return;
            }

            var format = RequestBody.FormatOf(context.Request);
            if (format == BodyFormat.Unsupported)
            {
                await Refuse(context, StatusCodes.Status415UnsupportedMediaType);
                return;
            }

            if (format != BodyFormat.None && context.Request.ContentLength is null)
            {
                // A chunked body declares no size: read it now (Kestrel's limit turns an oversized one into a 413),
                // and keep it for the endpoint, which may not read it at all.
                context.Request.EnableBuffering();
                await context.Request.Body.DrainAsync(context.RequestAborted);
                context.Request.Body.Position = 0;
            }
        }

        await next(context);
    }

    private static Task Refuse(HttpContext context, int statusCode) =>
        ApiResults.Error(statusCode, ErrorTypes.DefaultMessage(statusCode)).ExecuteAsync(context);
}
