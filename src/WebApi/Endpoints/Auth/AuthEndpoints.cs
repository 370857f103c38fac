using System.Diagnostics;
using System.Security.Claims;
using DoubleDibz.Application.Account.ResendConfirmation;
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
                    SignupOutcome.AwaitingConfirmation a => ApiResults.Ok(a.User, "We've sent you an e-mail to confirm your address", StatusCodes.Status201Created),
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

        // Issue 12: e-mail confirmation and forgotten password.
        auth.MapPost("/email/confirm", async (RequestBody<ConfirmEmailRequest> body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.Value.ToCommand(), ct)).ToHttp(me => ApiResults.Ok(me, "Your e-mail address is confirmed")))
            .Describe<UserDto>("Confirm an e-mail address (or a new one) with the token from the link; no session needed", StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .AcceptsForm<ConfirmEmailRequest>()
            .RequireRateLimiting(ClientRateLimits.Login);

        auth.MapPost("/email/resend", async (ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ResendConfirmationCommand(user.CurrentSession()), ct)).ToHttp(outcome => ApiResults.Ok(outcome == ResendOutcome.Sent
                    ? "We've sent you a new confirmation e-mail"
                    : "Your e-mail address is already confirmed")))
            .Describe("Send a new confirmation link to your address (the older link stops working)", StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);

        auth.MapPost("/password/forgot", async (RequestBody<ForgotPasswordRequest> body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.Value.ToCommand(), ct)).ToHttp(_ => ApiResults.Ok("If an account matches, we've sent it an e-mail with a link to reset the password")))
            .Describe("Ask for a password-reset link; the same answer whether or not an account matches", StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests)
            .AcceptsForm<ForgotPasswordRequest>()
            .RequireRateLimiting(ClientRateLimits.ForgotPassword);

        auth.MapPost("/password/reset", async (RequestBody<ResetPasswordRequest> body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.Value.ToCommand(), ct)).ToHttp(_ => SessionResults.SignedOut("Your password has been reset. Please log in.")))
            .Describe("Set a new password with the token from a reset link; every session ends", StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable)
            .AcceptsForm<ResetPasswordRequest>()
            .RequireRateLimiting(ClientRateLimits.Login)
            .UsesPasswordHashing();

        auth.MapPost("/logout", async (ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new LogoutCommand(user.CurrentSession()), ct))
                .ToHttp(_ => SessionResults.SignedOut("You have successfully logged out")))
            .Describe("End the session on the server", StatusCodes.Status401Unauthorized);

        return app;
    }
}
