using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using Mediator;

namespace DoubleDibz.Application.Account.TwoFactor.EnableTwoFactor;

public sealed class EnableTwoFactorHandler(IUserRepository users, SecondFactorCheck check, RecoveryCodes recoveryCodes, IAuditLog audit)
    : ICommandHandler<EnableTwoFactorCommand, Result<RecoveryCodeList>>
{
    public async ValueTask<Result<RecoveryCodeList>> Handle(EnableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.SignedIn().UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.NotAuthorized;
        }

        if (user.TwoFactorEnabled)
        {
            return UserErrors.TwoFactorAlreadyOn;
        }

        if (user.TwoFactorSecret is null)
        {
            return UserErrors.TwoFactorNotSetUp;
        }

        if (check.MatchStep(user, command.Code!) is not { } step)
        {
            return Error.Validation(new Dictionary<string, IReadOnlyList<string>> { [nameof(command.Code)] = [SecondFactorCheck.InvalidCode] });
        }

        var set = await recoveryCodes.NewSetAsync(user.Id, cancellationToken);
        var enabled = user.EnableTwoFactor(step, set.Hashes);
        if (!enabled.IsSuccess)
        {
            return enabled.Error;
        }

        audit.TwoFactorEnabled(user.Id);
        return new RecoveryCodeList(set.Codes);
    }
}
