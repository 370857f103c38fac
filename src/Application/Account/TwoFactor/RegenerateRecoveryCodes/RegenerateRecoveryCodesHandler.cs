using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using Mediator;

namespace DoubleDibz.Application.Account.TwoFactor.RegenerateRecoveryCodes;

public sealed class RegenerateRecoveryCodesHandler(IUserRepository users, PasswordCheck passwordCheck, RecoveryCodes recoveryCodes, IAuditLog audit)
    : ICommandHandler<RegenerateRecoveryCodesCommand, Result<RecoveryCodeList>>
{
    public async ValueTask<Result<RecoveryCodeList>> Handle(RegenerateRecoveryCodesCommand command, CancellationToken cancellationToken)
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

        var set = await recoveryCodes.NewSetAsync(user.Id, cancellationToken);
        var replaced = user.ReplaceRecoveryCodes(set.Hashes);
        if (!replaced.IsSuccess)
        {
            return replaced.Error;
        }

        audit.RecoveryCodesReplaced(user.Id);
        return new RecoveryCodeList(set.Codes);
    }
}
