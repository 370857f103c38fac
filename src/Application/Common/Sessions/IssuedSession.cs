using System.Text;

namespace DoubleDibz.Application.Common.Sessions;

/// <summary>
/// A new session to hand to the client. <see cref="Token"/> is the only copy of the secret;
/// <see cref="CookieExpiresAt"/> is null for a browser-session cookie (no remember-me).
/// </summary>
public sealed record IssuedSession(string Token, DateTimeOffset? CookieExpiresAt)
{
    // The token is a bearer secret: keep it out of logs and debugger displays.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Token = [redacted], CookieExpiresAt = ").Append(CookieExpiresAt);
        return true;
    }
}
