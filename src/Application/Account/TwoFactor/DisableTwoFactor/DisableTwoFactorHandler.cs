using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using Mediator;

namespace DoubleDibz.Application.Account.TwoFactor.DisableTwoFactor;

public sealed class DisableTwoFactorHandler(IUserRepository users, PasswordCheck passwordCheck, LoginThrottle throttle, SecondFactorCheck check, IAuditLog audit)
    : ICommandHandler<DisableTwoFactorCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(DisableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.SignedIn().UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.NotAuthorized;
        }

        if (!user.TwoFactorEnabled)
        {
            return UserErrors.TwoFactorNotOn;
        }

        var checkedPassword = await passwordCheck.VerifyAsync(user, command.Password!, cancellationToken);
        if (!checkedPassword.IsSuccess)
        {
            return checkedPassword.Error;
        }

        // The code is guessed under the account's back-off too: a stolen session plus the password is not enough.
        var key = LoginAttemptKey.ForUser(user.Id);
        var attempt = await throttle.BeginAsync(key, cancellationToken);
        if (attempt.RetryAfter is { } wait)
        {
            audit.SecondFactorFailed(user.Id, SecondFactorFailureReason.BackedOff);
            return AuthErrors.TooManyAttempts(wait);
        }

        var used = await check.TryUseEitherAsync(user, command.Code!, cancellationToken);
        if (used is null)
        {
            audit.SecondFactorFailed(user.Id, SecondFactorFailureReason.WrongCode);
            if (attempt.LockIfFailed is { } delay)
            {
                audit.BackoffStarted(user.Id, delay.TotalSeconds);
            }

            return Error.Validation(new Dictionary<string, IReadOnlyList<string>> { [nameof(command.Code)] = [SecondFactorCheck.InvalidCode] });
        }

        await throttle.SucceededAsync(key, cancellationToken);
        if (used == SecondFactorUsed.RecoveryCode)
        {
            audit.RecoveryCodeUsed(user.Id, user.RecoveryCodeHashes.Count);
        }

        user.DisableTwoFactor();
        audit.TwoFactorDisabled(user.Id, byAdmin: false);
        return Unit.Value;
    }
}
