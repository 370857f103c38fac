using System.Text;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Auth.Login;

/// <summary>
/// Sign in with a user name or e-mail (<see cref="Login"/>) and a password. <see cref="Device"/> is what the browser's
/// device cookie says, when it has a valid one.
/// </summary>
public sealed record LoginCommand(string? Login, string? Password, bool RememberMe, CurrentSession? Requester, KnownDevice? Device = null)
    : ICommand<Result<LoginOutcome>>, ISessionOptionalRequest
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Login = ").Append(Login).Append(", Password = [redacted], RememberMe = ").Append(RememberMe);
        return true;
    }
}

public abstract record LoginOutcome
{
    /// <summary>The request came from a signed-in session; no new session was started.</summary>
    public sealed record AlreadyLoggedIn : LoginOutcome;

    /// <param name="Device">The device cookie to leave in the browser: the one it came with, or a new one.</param>
    public sealed record LoggedIn(UserDto User, IssuedSession Session, KnownDevice Device) : LoginOutcome;

    /// <summary>The right password of a two-factor account: no session yet, a pending sign-in awaits the code.</summary>
    public sealed record TwoFactorRequired(IssuedPendingSignIn Pending) : LoginOutcome;
}
