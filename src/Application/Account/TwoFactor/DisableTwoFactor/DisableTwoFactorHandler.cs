using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using Mediator;

namespace DoubleDibz.Application.Account.TwoFactor.DisableTwoFactor;

public sealed class DisableTwoFactorHandler(IUserRepository users, PasswordCheck passwordCheck, SecondFactorBackoff backoff, SecondFactorCheck check, IAuditLog audit)
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

        var attempt = await backoff.BeginAsync(user.Id, cancellationToken);
        if (!attempt.IsSuccess)
        {
            return attempt.Error;
        }

        var used = await check.TryUseEitherAsync(user, command.Code!, cancellationToken);
        if (used is null)
        {
            backoff.Failed(attempt.Value, SecondFactorFailureReason.WrongCode);
            return Error.Validation(new Dictionary<string, IReadOnlyList<string>> { [nameof(command.Code)] = [SecondFactorCheck.InvalidCode] });
        }

        await backoff.SucceededAsync(attempt.Value, cancellationToken);
        if (used == SecondFactorUsed.RecoveryCode)
        {
            audit.RecoveryCodeUsed(user.Id, user.RecoveryCodeHashes.Count);
        }

        user.DisableTwoFactor();
        audit.TwoFactorDisabled(user.Id, byAdmin: false);
        return Unit.Value;
    }
}
