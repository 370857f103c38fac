using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.WebApi.Http;
using DoubleDibz.WebApi.Security;

namespace DoubleDibz.WebApi.Endpoints.Auth;

/// <summary>Responses that also set or clear the session cookie.</summary>
public static class SessionResults
{
    public static IResult SignedIn(UserDto user, IssuedSession session, string message, int statusCode = StatusCodes.Status200OK) =>
        new WithCookie(ApiResults.Ok(user, message, statusCode), (cookie, context) => cookie.Write(context, session));

    /// <summary>Signed in by a login: the session cookie, and the device cookie that lets this browser past others' back-off.</summary>
    public static IResult LoggedIn(LoginOutcome.LoggedIn outcome, string message) =>
        new WithCookie(ApiResults.Ok(outcome.User, message), (cookie, context) =>
        {
            cookie.Write(context, outcome.Session);
            context.RequestServices.GetRequiredService<DeviceCookie>().Write(context, outcome.Device);
        });

    public static IResult SignedOut(string message) =>
        new WithCookie(ApiResults.Ok(message), (cookie, context) => cookie.Delete(context));

    private sealed class WithCookie(IResult body, Action<SessionCookie, HttpContext> setCookie) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            setCookie(httpContext.RequestServices.GetRequiredService<SessionCookie>(), httpContext);
            return body.ExecuteAsync(httpContext);
        }
    }
}
