using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Auth.ResetPassword;

public sealed class ResetPasswordHandler(
    IAccountTokenStore tokens,
    IUserRepository users,
    PasswordPolicy passwordPolicy,
    IPasswordHasher passwordHasher,
    ISessionStore sessions,
    LoginThrottle throttle,
    TimeProvider clock,
    IAuditLog audit) : ICommandHandler<ResetPasswordCommand, Result<Unit>>
{
    private static readonly AccountTokenPurpose[] ResetPurpose = [AccountTokenPurpose.ResetPassword];

    public async ValueTask<Result<Unit>> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var grant = await tokens.FindLiveAsync(command.Token!, ResetPurpose, cancellationToken);
        var user = grant is null ? null : await users.FindByIdAsync(grant.UserId, cancellationToken);
        if (user is null)
        {
            return AccountTokenErrors.InvalidToken;
        }

        // Refused for its password: nothing is staged, so the token stays usable for a better one.
        if (passwordPolicy.FindViolation(command.Password!, user.UserName.Value, user.Email.Value) is { } violation)
        {
            return Error.Validation(new Dictionary<string, IReadOnlyList<string>> { [nameof(command.Password)] = [violation] });
        }

        user.ReplacePasswordHash(await passwordHasher.HashAsync(command.Password!, cancellationToken));
        user.ConfirmEmail(clock.GetUtcNow());
        tokens.VoidAll(user.Id, AccountTokenPurpose.ResetPassword); // this one included: single use
        var ended = await sessions.EndAllAsync(user.Id, except: null, cancellationToken);

        // Written at once (outside the transaction, which opens at the commit): the owner proved control of the address.
        await throttle.SucceededAsync(LoginAttemptKey.ForUser(user.Id), cancellationToken);
        audit.PasswordReset(user.Id, ended);
        return Unit.Value;
    }
}
