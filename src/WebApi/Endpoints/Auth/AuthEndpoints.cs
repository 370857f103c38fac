using System.Diagnostics;
using System.Security.Claims;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Auth.LoginSecondStep;
using DoubleDibz.Application.Auth.Logout;
using DoubleDibz.Application.Auth.Signup;
using DoubleDibz.Application.Auth.VerifyAuth;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.WebApi.Endpoints.Account;
using DoubleDibz.WebApi.Http;
using DoubleDibz.WebApi.Security;
using Mediator;

namespace DoubleDibz.WebApi.Endpoints.Auth;

/// <summary>
/// <c>/api/auth/*</c>. Each endpoint only turns HTTP into a use-case request and the result into the envelope;
/// body rules, CSRF, validation and logging are handled once, around all of them.
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth").RequireRateLimiting(ClientRateLimits.Api);

        auth.MapGet("/csrf", (HttpContext http, CsrfTokens csrf) =>
                ApiResults.Ok(new CsrfTokenResponse(csrf.IssueToken(http)), "Send this token as X-CSRF-Token"))
            .Describe<CsrfTokenResponse>("Anti-forgery token for this browser (sets its cookie)");

        auth.MapGet("/verify_auth", async (ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new VerifyAuthQuery(user.CurrentSession()), ct))
                .ToHttp(me => ApiResults.Ok(me, "You are logged in")))
            .Describe<UserDto>("The signed-in user, or 401", StatusCodes.Status401Unauthorized);

        auth.MapPost("/signup", async (RequestBody<SignupRequest> body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.Value.ToCommand(user.CurrentSession()), ct)).ToHttp(outcome => outcome switch
                {
                    SignupOutcome.SignedUp s => SessionResults.SignedIn(s.User, s.Session, "You have successfully signed up", StatusCodes.Status201Created),
                    SignupOutcome.AlreadySignedUp => ApiResults.Ok("You're already signed up"),
                    _ => throw new UnreachableException(),
                }))
            .Describe<UserDto>("Create an account and sign in", StatusCodes.Status201Created, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable)
            .AcceptsForm<SignupRequest>()
            .RequireRateLimiting(ClientRateLimits.Signup)
            .UsesPasswordHashing();

        auth.MapPost("/login", async (RequestBody<LoginRequest> body, ClaimsPrincipal user, HttpContext http, DeviceCookie device, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.Value.ToCommand(user.CurrentSession(), device.Read(http)), ct)).ToHttp(outcome => outcome switch
                {
                    LoginOutcome.LoggedIn l => SessionResults.LoggedIn(l, "You have successfully logged in"),
                    LoginOutcome.AlreadyLoggedIn => ApiResults.Ok("You are already logged in"),
                    LoginOutcome.TwoFactorRequired t => SessionResults.TwoFactorRequired(t.Pending),
                    _ => throw new UnreachableException(),
                }))
            .Describe<UserDto>("Sign in with user name or e-mail (a two-factor account: 401 \"Two-factor required\", then /login/2fa)", StatusCodes.Status401Unauthorized, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable)
            .AcceptsForm<LoginRequest>()
            .RequireRateLimiting(ClientRateLimits.Login)
            .UsesPasswordHashing();

        // Two-factor sign-in (issue 14): the second step, for the pending sign-in the first step's cookie marks.
        auth.MapPost("/login/2fa", async (RequestBody<LoginSecondStepRequest> body, ClaimsPrincipal user, HttpContext http, DeviceCookie device, PendingSignInCookie pending, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.Value.ToCommand(pending.Read(http), user.CurrentSession(), device.Read(http)), ct)).Match(
                    outcome => outcome switch
                    {
                        LoginOutcome.LoggedIn l => SessionResults.LoggedInWithSecondFactor(l, "You have successfully logged in"),
                        LoginOutcome.AlreadyLoggedIn => ApiResults.Ok("You are already logged in"),
                        _ => throw new UnreachableException(),
                    },
                    SessionResults.SecondStepRefused))
            .Describe<UserDto>("Second step of a two-factor sign-in: a code from the app, or a recovery code", StatusCodes.Status401Unauthorized, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests)
            .AcceptsForm<LoginSecondStepRequest>()
            .RequireRateLimiting(ClientRateLimits.Login);

        auth.MapPost("/password/change", async (RequestBody<ChangePasswordRequest> body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.Value.ToCommand(user.CurrentSession()), ct))
                .ToHttp(changed => SessionResults.SignedIn(changed.User, changed.Session, "Your password has been changed")))
            .Describe<UserDto>("Change your password: every other session ends, yours goes on under a new cookie", StatusCodes.Status401Unauthorized, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable)
            .AcceptsForm<ChangePasswordRequest>()
            .RequireRateLimiting(ClientRateLimits.Login)
            .UsesPasswordHashing();

        auth.MapPost("/logout", async (ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new LogoutCommand(user.CurrentSession()), ct))
                .ToHttp(_ => SessionResults.SignedOut("You have successfully logged out")))
            .Describe("End the session on the server", StatusCodes.Status401Unauthorized);

        return app;
    }
}
