using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
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

    /// <summary>
    /// Signed in by the second step of a two-factor sign-in: as a login, and the pending sign-in's cookie goes.
    /// </summary>
    public static IResult LoggedInWithSecondFactor(LoginOutcome.LoggedIn outcome, string message) =>
        new WithCookie(LoggedIn(outcome, message), (_, context) => context.RequestServices.GetRequiredService<PendingSignInCookie>().Delete(context));

    /// <summary>The right password of a two-factor account: 401 "Two-factor required", and the pending sign-in's cookie.</summary>
    public static IResult TwoFactorRequired(IssuedPendingSignIn pending) =>
        new WithCookie(ApiResults.Failure(AuthErrors.TwoFactorRequired), (_, context) =>
            context.RequestServices.GetRequiredService<PendingSignInCookie>().Write(context, pending));

    /// <summary>A refused second step; when the pending sign-in is gone (401), so is its cookie.</summary>
    public static IResult SecondStepRefused(Error error) =>
        error.Kind == ErrorKind.Unauthorized
            ? new WithCookie(ApiResults.Failure(error), (_, context) => context.RequestServices.GetRequiredService<PendingSignInCookie>().Delete(context))
            : ApiResults.Failure(error);

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
