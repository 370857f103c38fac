using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Throttling;
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
    LoginThrottle throttle,
    AuditLog audit,
    IMapper mapper) : ICommandHandler<LoginCommand, Result<LoginOutcome>>
{
    public async ValueTask<Result<LoginOutcome>> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        if (command.Requester is not null)
        {
            return new LoginOutcome.AlreadyLoggedIn();
        }

        var login = command.Login!.Trim();
        var user = await users.FindByLoginAsync(login, cancellationToken);
        var attempts = user is null ? LoginAttemptKey.ForUnknownLogin(login) : LoginAttemptKey.ForUser(user.Id);

        var status = await throttle.CheckAsync(attempts, cancellationToken);
        if (status.RetryAfter is { } wait)
        {
            audit.LoginFailed(LoginFailureReason.BackedOff, user?.Id);
            return AuthErrors.TooManyAttempts(wait);
        }

        // Verify even when there is no such user (against a dummy hash), and count the failure the same way,
        // so an unknown login and a wrong password cost the same time and answer the same.
        var verification = await passwordHasher.VerifyAsync(command.Password!, user?.PasswordHash, cancellationToken);
        if (user is null || verification == PasswordVerification.Failed)
        {
            var backoff = await throttle.RecordFailureAsync(attempts, cancellationToken);
            audit.LoginFailed(user is null ? LoginFailureReason.UnknownLogin : LoginFailureReason.WrongPassword, user?.Id);
            if (backoff is { } delay)
            {
                audit.BackoffStarted(user?.Id, delay.TotalSeconds);
            }

            return AuthErrors.InvalidCredentials;
        }

        await throttle.ResetAsync(attempts, status, cancellationToken);
        if (verification == PasswordVerification.SucceededRehashNeeded)
        {
            user.ReplacePasswordHash(await passwordHasher.HashAsync(command.Password!, cancellationToken));
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        // Always a fresh session id: a cookie planted before sign-in never becomes a signed-in one.
        var session = await sessions.StartAsync(user.Id, command.RememberMe, cancellationToken);
        audit.LoggedIn(user.Id);
        return new LoginOutcome.LoggedIn(mapper.Map<UserDto>(user), session);
    }
}
