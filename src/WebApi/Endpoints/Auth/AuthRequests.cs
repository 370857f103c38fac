using DoubleDibz.Application.Auth.ConfirmEmail;
using DoubleDibz.Application.Auth.ForgotPassword;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Auth.LoginSecondStep;
using DoubleDibz.Application.Auth.ResetPassword;
using DoubleDibz.Application.Auth.Signup;
using DoubleDibz.Application.Common.Sessions;

namespace DoubleDibz.WebApi.Endpoints.Auth;

// Bodies as clients send them (snake_case in JSON and forms). Classes rather than records, so that a stray
// ToString() never prints a password.

public sealed class SignupRequest
{
    public string? UserName { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    public string? Password { get; init; }

    public string? Confirm { get; init; }

    public SignupCommand ToCommand(CurrentSession? requester) =>
        new(UserName, FirstName, LastName, Email, Password, Confirm, requester);
}

public sealed class LoginRequest
{
    /// <summary>User name or e-mail address.</summary>
    public string? Login { get; init; }

    public string? Password { get; init; }

    public bool RememberMe { get; init; }

    public LoginCommand ToCommand(CurrentSession? requester, KnownDevice? device) => new(Login, Password, RememberMe, requester, device);
}

/// <summary>The second step of a two-factor sign-in: <c>code</c> from the app, or <c>recovery_code</c>.</summary>
public sealed class LoginSecondStepRequest
{
    public string? Code { get; init; }

    public string? RecoveryCode { get; init; }

    public LoginSecondStepCommand ToCommand(string? pendingToken, CurrentSession? requester, KnownDevice? device) =>
        new(Code, RecoveryCode, pendingToken, requester, device);
}

public sealed record CsrfTokenResponse(string CsrfToken);

// Issue 12: e-mail confirmation and forgotten password.

public sealed class ConfirmEmailRequest
{
    public string? Token { get; init; }

    public ConfirmEmailCommand ToCommand() => new(Token);
}

public sealed class ForgotPasswordRequest
{
    public string? Login { get; init; }

    public ForgotPasswordCommand ToCommand() => new(Login);
}

public sealed class ResetPasswordRequest
{
    public string? Token { get; init; }

    public string? Password { get; init; }

    public string? Confirm { get; init; }

    public ResetPasswordCommand ToCommand() => new(Token, Password, Confirm);
}
