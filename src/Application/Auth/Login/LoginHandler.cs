using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using MapsterMapper;
using Mediator;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Application.Auth.Login;

public sealed class LoginHandler(
    IUserRepository users,
    IPasswordHasher passwordHasher,
    ISessionStore sessions,
    LoginThrottle throttle,
    IKeyedHasher keyedHasher,
    IPendingSignInStore pendingSignIns,
    IAuditLog audit,
    IMapper mapper,
    IOptions<AccountOptions> accounts) : ICommandHandler<LoginCommand, Result<LoginOutcome>>
{
    public async ValueTask<Result<LoginOutcome>> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        if (command.Requester is not null)
        {
            return new LoginOutcome.AlreadyLoggedIn();
        }

        var login = command.Login!.Trim();
        var user = await users.FindByLoginAsync(login, cancellationToken);
        var knownDevice = user is not null && command.Device?.UserId == user.Id ? command.Device : null;
        var key = user is null ? LoginAttemptKey.ForUnknownLogin(await keyedHasher.HashAsync(UserName.Normalize(login), cancellationToken))
            : knownDevice is not null ? LoginAttemptKey.ForDevice(knownDevice.DeviceId)
            : LoginAttemptKey.ForUser(user.Id);

        var attempt = await throttle.BeginAsync(key, cancellationToken);
        if (attempt.RetryAfter is { } wait)
        {
            audit.LoginFailed(LoginFailureReason.BackedOff, user?.Id);
            return AuthErrors.TooManyAttempts(wait);
        }

        // Verify even when there is no such user (against a dummy hash), counted the same way,
        // so an unknown login and a wrong password cost the same time and answer the same.
        var verification = await passwordHasher.VerifyAsync(command.Password!, user?.PasswordHash, cancellationToken);
        if (user is null || verification == PasswordVerification.Failed)
        {
            audit.LoginFailed(user is null ? LoginFailureReason.UnknownLogin : LoginFailureReason.WrongPassword, user?.Id);
            if (attempt.LockIfFailed is { } delay)
            {
                audit.BackoffStarted(user?.Id, delay.TotalSeconds);
            }

            return AuthErrors.InvalidCredentials;
        }

        // Issue 12: only after the right password, so the 403 tells nothing to someone who does not know it.
        if (accounts.Value.RequireConfirmedEmail && !user.IsEmailConfirmed)
        {
            await throttle.SucceededAsync(key, cancellationToken);
            audit.LoginFailed(LoginFailureReason.EmailNotConfirmed, user.Id);
            return AuthErrors.EmailNotConfirmed;
        }

        // Two-factor sign-in (issue 14): the right password only opens a pending sign-in, completed by a code at
        // POST /api/auth/login/2fa. The attempt stays counted until then: the password step must give no fresh guesses.
        if (user.TwoFactorEnabled)
        {
            if (verification == PasswordVerification.SucceededRehashNeeded)
            {
                user.ReplacePasswordHash(await passwordHasher.HashAsync(command.Password!, cancellationToken)); // the right password, so now
            }

            var pending = await pendingSignIns.StartAsync(user.Id, command.RememberMe, key, cancellationToken);
            audit.SecondFactorRequested(user.Id);
            return new LoginOutcome.TwoFactorRequired(pending);
        }

        // Only this key starts again: the owner's success on a known device does not lift a lock others caused.
        await throttle.SucceededAsync(key, cancellationToken);
        if (verification == PasswordVerification.SucceededRehashNeeded)
        {
            user.ReplacePasswordHash(await passwordHasher.HashAsync(command.Password!, cancellationToken));
        }

        // Always a fresh session id: a cookie planted before sign-in never becomes a signed-in one.
        var session = await sessions.StartAsync(user.Id, command.RememberMe, cancellationToken);
        audit.LoggedIn(user.Id);
        return new LoginOutcome.LoggedIn(mapper.Map<UserDto>(user), session, knownDevice ?? new KnownDevice(user.Id, Guid.NewGuid()));
    }
}
