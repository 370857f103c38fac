using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using MapsterMapper;
using Mediator;

namespace DoubleDibz.Application.Account.UpdateProfile;

public sealed class UpdateProfileHandler(IUserRepository users, IAuditLog audit, IMapper mapper) : ICommandHandler<UpdateProfileCommand, Result<UserDto>>
{
    public async ValueTask<Result<UserDto>> Handle(UpdateProfileCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.SignedIn().UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.NotAuthorized; // the account was deleted a moment ago
        }

        // The validator has accepted the fields that were sent, so these cannot fail here.
        user.Rename(
            command.FirstName is null ? user.FirstName : PersonName.Create(command.FirstName).Value,
            command.LastName is null ? user.LastName : PersonName.Create(command.LastName).Value);
        audit.ProfileUpdated(user.Id);
        return mapper.Map<UserDto>(user);
    }
}
