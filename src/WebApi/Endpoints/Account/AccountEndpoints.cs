using System.Security.Claims;
using DoubleDibz.Application.Account.EndOtherSessions;
using DoubleDibz.Application.Account.EndSession;
using DoubleDibz.Application.Account.ListSessions;
using DoubleDibz.Application.Account.TwoFactor;
using DoubleDibz.Application.Account.TwoFactor.SetupTwoFactor;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.WebApi.Endpoints.Auth;
using DoubleDibz.WebApi.Http;
using DoubleDibz.WebApi.Security;
using Mediator;

namespace DoubleDibz.WebApi.Endpoints.Account;

/// <summary>
/// <c>/api/account/*</c>: the signed-in user's own account. Each endpoint only turns HTTP into a use-case request and
/// the result into the envelope; "signed in?" is the pipeline's question (401), and CSRF, body rules and validation are
/// handled once, around all of them.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/account").WithTags("Account").RequireRateLimiting(ClientRateLimits.Api);

        account.MapGet("/sessions", async (ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListSessionsQuery(user.CurrentSession()), ct)).ToHttp(list => ApiResults.Ok(list, "Where you're signed in")))
            .Describe<SessionList>("The signed-in user's sessions, newest first", StatusCodes.Status401Unauthorized);

        account.MapDelete("/sessions/{id}", async (string id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new EndSessionCommand(Guid.TryParse(id, out var sessionId) ? sessionId : null, user.CurrentSession()), ct))
                .ToHttp(ended => ended.WasCurrent ? SessionResults.SignedOut(SessionSignedOut) : ApiResults.Ok(SessionSignedOut)))
            .Describe("Sign out one of your sessions (your own: a logout)", StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        account.MapDelete("/sessions", async (ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new EndOtherSessionsCommand(user.CurrentSession()), ct))
                .ToHttp(ended => ApiResults.Ok(new RevokedSessions(ended.Revoked), "You have been signed out everywhere else")))
            .Describe<RevokedSessions>("Sign out everywhere else", StatusCodes.Status401Unauthorized);

        account.MapPatch("", async (RequestBody<UpdateProfileRequest> body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.Value.ToCommand(user.CurrentSession()), ct)).ToHttp(me => ApiResults.Ok(me, "Your profile has been updated")))
            .Describe<UserDto>("Change your first and/or last name", StatusCodes.Status401Unauthorized, StatusCodes.Status422UnprocessableEntity)
            .AcceptsForm<UpdateProfileRequest>();

        account.MapDelete("", async (RequestBody<DeleteAccountRequest> body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.Value.ToCommand(user.CurrentSession()), ct)).ToHttp(_ => SessionResults.SignedOut("Your account has been deleted")))
            .Describe("Delete your account, confirmed with your password", StatusCodes.Status401Unauthorized, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable)
            .AcceptsForm<DeleteAccountRequest>()
            .RequireRateLimiting(ClientRateLimits.Login)
            .UsesPasswordHashing();

        // Two-factor sign-in (issue 14).
        var twoFactor = account.MapGroup("/2fa");
        twoFactor.MapPost("/setup", async (RequestBody<SetupTwoFactorRequest> body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.Value.ToCommand(user.CurrentSession()), ct))
                .ToHttp(setup => ApiResults.Ok(setup, "Scan the QR code with your authenticator app, then enter a code from it")))
            .Describe<TwoFactorSetup>("Set up two-factor sign-in: a new secret (text, otpauth URI, QR code as SVG); not enforced until enabled", StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable)
            .AcceptsForm<SetupTwoFactorRequest>()
            .RequireRateLimiting(ClientRateLimits.Login)
            .UsesPasswordHashing();

        twoFactor.MapPost("/enable", async (RequestBody<EnableTwoFactorRequest> body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.Value.ToCommand(user.CurrentSession()), ct)).ToHttp(codes => ApiResults.Ok(codes, "Two-factor sign-in is on")))
            .Describe<RecoveryCodeList>("Turn two-factor sign-in on with a code from the app; answers 10 recovery codes, once", StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .AcceptsForm<EnableTwoFactorRequest>()
            .RequireRateLimiting(ClientRateLimits.Login);

        twoFactor.MapPost("/disable", async (RequestBody<DisableTwoFactorRequest> body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.Value.ToCommand(user.CurrentSession()), ct)).ToHttp(_ => ApiResults.Ok("Two-factor sign-in is off")))
            .Describe("Turn two-factor sign-in off, with the password and a code (or a recovery code)", StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable)
            .AcceptsForm<DisableTwoFactorRequest>()
            .RequireRateLimiting(ClientRateLimits.Login)
            .UsesPasswordHashing();

        twoFactor.MapPost("/recovery_codes", async (RequestBody<RegenerateRecoveryCodesRequest> body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.Value.ToCommand(user.CurrentSession()), ct))
                .ToHttp(codes => ApiResults.Ok(codes, "Here are your new recovery codes; the old ones no longer work")))
            .Describe<RecoveryCodeList>("A new set of recovery codes, with the password; the old set is void", StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable)
            .AcceptsForm<RegenerateRecoveryCodesRequest>()
            .RequireRateLimiting(ClientRateLimits.Login)
            .UsesPasswordHashing();

        account.MapPost("/email", async (RequestBody<ChangeEmailRequest> body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.Value.ToCommand(user.CurrentSession()), ct)).ToHttp(address => ApiResults.Ok($"We've sent a confirmation link to {address}")))
            .Describe("Change your e-mail address, confirmed with your password: it changes when the link sent to the new address is opened; the old address is told at once", StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable)
            .AcceptsForm<ChangeEmailRequest>()
            .RequireRateLimiting(ClientRateLimits.Login)
            .UsesPasswordHashing();

        return app;
    }

    private const string SessionSignedOut = "The session has been signed out";
}
