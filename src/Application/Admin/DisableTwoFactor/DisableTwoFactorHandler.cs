using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Admin.DisableTwoFactor;

public sealed class DisableTwoFactorHandler(IUserRepository users, IAuditLog audit) : ICommandHandler<DisableTwoFactorCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(DisableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByLoginAsync(command.User!.Trim(), cancellationToken);
        if (user is null)
        {
            return Error.NotFound($"There is no user '{command.User.Trim()}'.");
        }

        if (!user.TwoFactorEnabled)
        {
            return false;
        }

        user.DisableTwoFactor();
        audit.TwoFactorDisabled(user.Id, byAdmin: true);
        return true;
    }
}
