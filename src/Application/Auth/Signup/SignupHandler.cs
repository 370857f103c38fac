using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using MapsterMapper;
using Mediator;

namespace DoubleDibz.Application.Auth.Signup;

public sealed class SignupHandler(
    UserRegistration registration,
    ISessionStore sessions,
    IMapper mapper,
    IAuditLog audit) : ICommandHandler<SignupCommand, Result<SignupOutcome>>
{
    public async ValueTask<Result<SignupOutcome>> Handle(SignupCommand command, CancellationToken cancellationToken)
    {
        if (command.Requester is not null)
        {
            return new SignupOutcome.AlreadySignedUp();
        }

        var registered = await registration.RegisterAsync(command, command.Password!, Role.User, cancellationToken);
        if (!registered.IsSuccess)
        {
            return registered.Error;
        }

        var user = registered.Value;
        var session = await sessions.StartAsync(user.Id, persistent: false, cancellationToken);
        audit.SignedUp(user.Id);
        return new SignupOutcome.SignedUp(mapper.Map<UserDto>(user), session);
    }
}
