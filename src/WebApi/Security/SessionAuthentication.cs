using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.WebApi.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DoubleDibz.WebApi.Security;

/// <summary>
/// Authenticates a request by its session cookie against the server-side session store: no ticket to decrypt,
/// and a revoked session is refused at once on every instance.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionCookie cookie,
    ISessionStore sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = cookie.Read(Context);
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        var active = await sessions.FindActiveAsync(token, Context.RequestAborted);
        if (active is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (active.RenewedCookie is not null)
        {
            cookie.Write(Context, active.RenewedCookie); // a remember-me cookie lives as long as its session
        }

        var session = active.Session;
        var identity = new ClaimsIdentity(
            [
                new Claim(SessionClaims.SessionId, session.SessionId.ToString()),
                new Claim(ClaimTypes.NameIdentifier, session.UserId.ToString(CultureInfo.InvariantCulture)),
                new Claim(SessionClaims.Persistent, session.Persistent ? "true" : "false"),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiResults.Failure(AuthErrors.NotAuthorized).ExecuteAsync(Context);
}

public static class SessionClaims
{
    public const string SessionId = "sid";

    public const string Persistent = "persistent";

    /// <summary>The session this request is signed in with, or null when it is anonymous.</summary>
    public static CurrentSession? CurrentSession(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionId), out var sessionId)
        && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            ? new CurrentSession(sessionId, userId, user.FindFirstValue(Persistent) == "true")
            : null;
}
