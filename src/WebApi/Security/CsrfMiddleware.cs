using DoubleDibz.Application.Common.Audit;
using DoubleDibz.WebApi.Http;

namespace DoubleDibz.WebApi.Security;

/// <summary>
/// Refuses every POST, PUT, PATCH or DELETE to an <c>/api</c> endpoint unless it carries this browser's token in
/// <c>X-CSRF-Token</c>, <c>X-CSRFToken</c> (the original client's header) or the form field <c>csrf_token</c>.
/// It runs before the endpoint, so a refused request changes nothing.
/// </summary>
public sealed class CsrfMiddleware(RequestDelegate next, CsrfTokens tokens, AuditLog audit)
{
    public const string FormField = "csrf_token";
    private static readonly string[] HeaderNames = ["X-CSRF-Token", "X-CSRFToken"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiRequests.IsStateChangingCall(context))
        {
            await next(context);
            return;
        }

        var token = await ReadTokenAsync(context);
        if (!tokens.IsValid(context, token))
        {
            audit.CsrfRejected(context.Request.Method, context.Request.Path, ClientRateLimits.ClientKey(context.Connection.RemoteIpAddress));
            var message = string.IsNullOrEmpty(token) ? "The CSRF token is missing." : "The CSRF token is invalid.";
            await ApiResults.Error(StatusCodes.Status400BadRequest, message, ErrorTypes.Csrf).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

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

        if (RequestBody.FormatOf(context.Request) == BodyFormat.Form)
        {
            var form = await FormBody.ReadAsync(context);
            return form[FormField].ToString();
        }

        return null;
    }
}
