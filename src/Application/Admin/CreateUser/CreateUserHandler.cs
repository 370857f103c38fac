using System.Security.Cryptography;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using MapsterMapper;
using Mediator;

namespace DoubleDibz.Application.Admin.CreateUser;

public sealed class CreateUserHandler(UserRegistration registration, IMapper mapper, IAuditLog audit)
    : ICommandHandler<CreateUserCommand, Result<CreatedUser>>
{
    // No look-alike characters (0/O, 1/l/I), so a password read off a terminal can be typed back.
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int GeneratedLength = 20; // ~117 bits

    public async ValueTask<Result<CreatedUser>> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var generated = string.IsNullOrEmpty(command.Password) ? RandomNumberGenerator.GetString(Alphabet, GeneratedLength) : null;
        var role = UserMapping.RoleFromName(command.Role)!.Value;

        var registered = await registration.RegisterAsync(command, generated ?? command.Password!, role, cancellationToken);
        if (!registered.IsSuccess)
        {
            return registered.Error;
        }

        var user = mapper.Map<UserDto>(registered.Value);
        audit.UserCreated(user.Id, user.Role);
        return new CreatedUser(user, generated);
    }
}
