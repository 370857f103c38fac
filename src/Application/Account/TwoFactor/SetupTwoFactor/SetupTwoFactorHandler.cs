using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using Mediator;

namespace DoubleDibz.Application.Account.TwoFactor.SetupTwoFactor;

public sealed class SetupTwoFactorHandler(
    IUserRepository users,
    PasswordCheck passwordCheck,
    IAuthenticatorCodes codes,
    ITwoFactorSecretProtection secrets,
    IQrCodes qrCodes,
    IAuditLog audit) : ICommandHandler<SetupTwoFactorCommand, Result<TwoFactorSetup>>
{
    public async ValueTask<Result<TwoFactorSetup>> Handle(SetupTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.SignedIn().UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.NotAuthorized; // deleted a moment ago, by a parallel request
        }

        if (user.TwoFactorEnabled)
        {
            return UserErrors.TwoFactorAlreadyOn; // turn it off first: a new secret must not silently replace the one in use
        }

        var checkedPassword = await passwordCheck.VerifyAsync(user, command.Password!, cancellationToken);
        if (!checkedPassword.IsSuccess)
        {
            return checkedPassword.Error;
        }

        var secret = codes.NewSecret();
        var begun = user.BeginTwoFactorSetup(secrets.Protect(secret));
        if (!begun.IsSuccess)
        {
            return begun.Error;
        }

        var uri = codes.SetupUri(secret, user.UserName.Value);
        audit.TwoFactorSetUp(user.Id);
        return new TwoFactorSetup(secret, uri, qrCodes.Svg(uri));
    }
}
