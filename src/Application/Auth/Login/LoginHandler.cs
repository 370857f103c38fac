using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using MapsterMapper;
using Mediator;

namespace DoubleDibz.Application.Auth.Login;

public sealed class LoginHandler(
    IUserRepository users,
    IUnitOfWork unitOfWork,
    IPasswordHasher passwordHasher,
    ISessionStore sessions,
    IMapper mapper) : ICommandHandler<LoginCommand, Result<LoginOutcome>>
{
    public async ValueTask<Result<LoginOutcome>> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        if (command.Requester is not null)
        {
            return new LoginOutcome.AlreadyLoggedIn();
        }

        var user = await users.FindByLoginAsync(command.Login!.Trim(), cancellationToken);

        // Verify even when there is no such user (against a dummy hash), so both failures take the same time.
        var verification = await passwordHasher.VerifyAsync(command.Password!, user?.PasswordHash, cancellationToken);
        if (user is null || verification == PasswordVerification.Failed)
        {
            return AuthErrors.InvalidCredentials;
        }

        if (verification == PasswordVerification.SucceededRehashNeeded)
        {
            user.ReplacePasswordHash(await passwordHasher.HashAsync(command.Password!, cancellationToken));
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        // Always a fresh session id: a cookie planted before sign-in never becomes a signed-in one.
        var session = await sessions.StartAsync(user.Id, command.RememberMe, cancellationToken);
        return new LoginOutcome.LoggedIn(mapper.Map<UserDto>(user), session);
    }
}
