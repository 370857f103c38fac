using DoubleDibz.Application.Account.ChangeEmail;
using DoubleDibz.Application.Account.ChangePassword;
using DoubleDibz.Application.Account.DeleteAccount;
using DoubleDibz.Application.Account.TwoFactor.DisableTwoFactor;
using DoubleDibz.Application.Account.TwoFactor.EnableTwoFactor;
using DoubleDibz.Application.Account.TwoFactor.RegenerateRecoveryCodes;
using DoubleDibz.Application.Account.TwoFactor.SetupTwoFactor;
using DoubleDibz.Application.Account.UpdateProfile;
using DoubleDibz.Application.Common.Sessions;

namespace DoubleDibz.WebApi.Endpoints.Account;

// Bodies as clients send them (snake_case in JSON and forms). Classes rather than records, so that a stray
// ToString() never prints a password.

public sealed class ChangePasswordRequest
{
    public string? CurrentPassword { get; init; }

    public string? Password { get; init; }

    public string? Confirm { get; init; }

    public ChangePasswordCommand ToCommand(CurrentSession? requester) => new(CurrentPassword, Password, Confirm, requester);
}

public sealed class UpdateProfileRequest
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public UpdateProfileCommand ToCommand(CurrentSession? requester) => new(FirstName, LastName, requester);
}

public sealed class DeleteAccountRequest
{
    public string? Password { get; init; }

    public DeleteAccountCommand ToCommand(CurrentSession? requester) => new(Password, requester);
}

// Two-factor sign-in (issue 14).

public sealed class SetupTwoFactorRequest
{
    public string? Password { get; init; }

    public SetupTwoFactorCommand ToCommand(CurrentSession? requester) => new(Password, requester);
}

public sealed class EnableTwoFactorRequest
{
    public string? Code { get; init; }

    public EnableTwoFactorCommand ToCommand(CurrentSession? requester) => new(Code, requester);
}

public sealed class DisableTwoFactorRequest
{
    public string? Password { get; init; }

    /// <summary>A code from the app, or a recovery code.</summary>
    public string? Code { get; init; }

    public DisableTwoFactorCommand ToCommand(CurrentSession? requester) => new(Password, Code, requester);
}

public sealed class RegenerateRecoveryCodesRequest
{
    public string? Password { get; init; }

    public RegenerateRecoveryCodesCommand ToCommand(CurrentSession? requester) => new(Password, requester);
}

public sealed record RevokedSessions(int Revoked);

public sealed class ChangeEmailRequest
{
    public string? Password { get; init; }

    public string? Email { get; init; }

    public ChangeEmailCommand ToCommand(CurrentSession? requester) => new(Password, Email, requester);
}
