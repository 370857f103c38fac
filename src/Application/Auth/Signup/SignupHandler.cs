using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using MapsterMapper;
using Mediator;

namespace DoubleDibz.Application.Auth.Signup;

public sealed class SignupHandler(
    IUserRepository users,
    IUnitOfWork unitOfWork,
    IPasswordHasher passwordHasher,
    ISessionStore sessions,
    IMapper mapper,
    AuditLog audit,
    TimeProvider clock) : ICommandHandler<SignupCommand, Result<SignupOutcome>>
{
    public async ValueTask<Result<SignupOutcome>> Handle(SignupCommand command, CancellationToken cancellationToken)
    {
        if (command.Requester is not null)
        {
            return new SignupOutcome.AlreadySignedUp();
        }

        // The validation behavior has already accepted every field, so these cannot fail here.
        var userName = UserName.Create(command.UserName).Value;
        var email = EmailAddress.Create(command.Email).Value;

        if (await users.UserNameExistsAsync(userName, cancellationToken))
        {
            return UserErrors.UserNameTaken;
        }

        if (await users.EmailExistsAsync(email, cancellationToken))
        {
            return UserErrors.EmailTaken;
        }

        var user = User.Register(
            userName,
            PersonName.Create(command.FirstName).Value,
            PersonName.Create(command.LastName).Value,
            email,
            await passwordHasher.HashAsync(command.Password!, cancellationToken),
            clock.GetUtcNow());
        users.Add(user);

        // A concurrent signup of the same name or e-mail can still win the race; the store reports it as a conflict.
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error;
        }

        var session = await sessions.StartAsync(user.Id, persistent: false, cancellationToken);
        audit.SignedUp(user.Id);
        return new SignupOutcome.SignedUp(mapper.Map<UserDto>(user), session);
    }
}
