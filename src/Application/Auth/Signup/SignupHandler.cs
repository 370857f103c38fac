using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using MapsterMapper;
using Mediator;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Application.Auth.Signup;

public sealed class SignupHandler(
    UserRegistration registration,
    ISessionStore sessions,
    IMapper mapper,
    IAuditLog audit,
    AccountMail mail,
    IOptions<AccountOptions> accounts) : ICommandHandler<SignupCommand, Result<SignupOutcome>>
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
        mail.SendConfirmation(user);
        if (accounts.Value.RequireConfirmedEmail)
        {
            audit.SignedUp(user.Id);
            return new SignupOutcome.AwaitingConfirmation(mapper.Map<UserDto>(user));
        }

        var session = await sessions.StartAsync(user.Id, persistent: false, cancellationToken);
        audit.SignedUp(user.Id);
        return new SignupOutcome.SignedUp(mapper.Map<UserDto>(user), session);
    }
}
