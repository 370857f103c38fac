namespace DoubleDibz.WebApi.Http;

/// <summary>
/// Every state-changing API call, whether or not its endpoint reads a body: a declared body over the limit is a
/// 413 and a body that is neither JSON nor a form is a 415, before anything else looks at it.
/// </summary>
public sealed class BodyRulesMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (ApiRequests.IsStateChangingCall(context))
        {
            if (context.Request.ContentLength > RequestBody.MaxBytes)
            {
                // The unread body is too large for Kestrel to drain, so this connection cannot carry another
                // request; saying so stops clients from reusing it.
                context.Response.Headers.Connection = "close";
                return Refuse(context, StatusCodes.Status413PayloadTooLarge);
            }

            if (RequestBody.FormatOf(context.Request) == BodyFormat.Unsupported)
            {
                return Refuse(context, StatusCodes.Status415UnsupportedMediaType);
            }
        }

        return next(context);
    }

    private static Task Refuse(HttpContext context, int statusCode) =>
        ApiResults.Error(statusCode, ErrorTypes.DefaultMessage(statusCode)).ExecuteAsync(context);
}
