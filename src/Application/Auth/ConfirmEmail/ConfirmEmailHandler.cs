using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using MapsterMapper;
using Mediator;

namespace DoubleDibz.Application.Auth.ConfirmEmail;

public sealed class ConfirmEmailHandler(IAccountTokenStore tokens, IUserRepository users, TimeProvider clock, IAuditLog audit, IMapper mapper)
    : ICommandHandler<ConfirmEmailCommand, Result<UserDto>>
{
    private static readonly AccountTokenPurpose[] ConfirmationPurposes = [AccountTokenPurpose.ConfirmEmail, AccountTokenPurpose.ChangeEmail];

    public async ValueTask<Result<UserDto>> Handle(ConfirmEmailCommand command, CancellationToken cancellationToken)
    {
        var grant = await tokens.FindLiveAsync(command.Token!, ConfirmationPurposes, cancellationToken);
        var user = grant is null ? null : await users.FindByIdAsync(grant.UserId, cancellationToken);
        if (grant is null || user is null)
        {
            return AccountTokenErrors.InvalidToken;
        }

        var now = clock.GetUtcNow();
        if (grant is { Purpose: AccountTokenPurpose.ChangeEmail, NewEmail: { } newEmail })
        {
            // Free when asked for, but taken since: the link stays usable, in case the address is freed again.
            if (!string.Equals(newEmail.Normalized, user.Email.Normalized, StringComparison.Ordinal) && await users.EmailExistsAsync(newEmail, cancellationToken))
            {
                return UserErrors.EmailTaken;
            }

            user.ChangeEmail(newEmail, now);
            tokens.VoidAll(user.Id, AccountTokenPurpose.ChangeEmail);
            audit.EmailChanged(user.Id);
        }
        else
        {
            user.ConfirmEmail(now);
            audit.EmailConfirmed(user.Id);
        }

        // Any confirmation link still around was for the address the user had before this one.
        tokens.VoidAll(user.Id, AccountTokenPurpose.ConfirmEmail);
        return mapper.Map<UserDto>(user);
    }
}
