using DoubleDibz.Application.Account.TwoFactor;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using MapsterMapper;
using Mediator;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Application.Auth.LoginSecondStep;

/// <summary>
/// Completes a pending sign-in. Every code tried is counted twice before it is checked: on the pending sign-in (which
/// ends after <see cref="TwoFactorOptions.MaxCodesPerSignIn"/>) and as a login attempt of the account (its back-off);
/// only a right code clears the account's count, so an attacker who knows the password gets a handful of guesses per
/// back-off window, not per password step.
/// </summary>
public sealed class LoginSecondStepHandler(
    IPendingSignInStore pendingSignIns,
    IUserRepository users,
    SecondFactorBackoff backoff,
    LoginThrottle throttle,
    SecondFactorCheck check,
    ISessionStore sessions,
    IAuditLog audit,
    IMapper mapper,
    IOptions<TwoFactorOptions> options) : ICommandHandler<LoginSecondStepCommand, Result<LoginOutcome>>
{
    public async ValueTask<Result<LoginOutcome>> Handle(LoginSecondStepCommand command, CancellationToken cancellationToken)
    {
        if (command.Requester is not null)
        {
            return new LoginOutcome.AlreadyLoggedIn();
        }

        if (command.PendingToken is null || await pendingSignIns.TryAdmitCodeAsync(command.PendingToken, cancellationToken) is not { } pending)
        {
            return AuthErrors.NotAuthorized; // none, expired, or ended
        }

        var attempt = await backoff.BeginAsync(pending.UserId, cancellationToken);
        if (!attempt.IsSuccess)
        {
            return attempt.Error;
        }

        var user = await users.FindByIdAsync(pending.UserId, cancellationToken);
        if (user is null || !user.TwoFactorEnabled)
        {
            return AuthErrors.NotAuthorized; // the account went, or its two-factor sign-in was turned off meanwhile
        }

        var byRecoveryCode = !string.IsNullOrEmpty(command.RecoveryCode);
        var accepted = byRecoveryCode
            ? await check.TryUseRecoveryCodeAsync(user, command.RecoveryCode!, cancellationToken)
            : check.TryUseCode(user, command.Code!);
        if (!accepted)
        {
            backoff.Failed(attempt.Value, byRecoveryCode ? SecondFactorFailureReason.WrongRecoveryCode : SecondFactorFailureReason.WrongCode);
            if (pending.CodesTried >= options.Value.MaxCodesPerSignIn)
            {
                await pendingSignIns.EndNowAsync(pending.Id, cancellationToken);
                audit.PendingSignInEnded(user.Id);
            }

            var field = byRecoveryCode ? nameof(command.RecoveryCode) : nameof(command.Code);
            return Error.Validation(new Dictionary<string, IReadOnlyList<string>> { [field] = [SecondFactorCheck.InvalidCode] });
        }

        // Both counts start again: the account's, and the one the password step was counted under (a known device's).
        await backoff.SucceededAsync(attempt.Value, cancellationToken);
        if (pending.PasswordStepKey != attempt.Value.Key)
        {
            await throttle.SucceededAsync(pending.PasswordStepKey, cancellationToken);
        }

        if (byRecoveryCode)
        {
            audit.RecoveryCodeUsed(user.Id, user.RecoveryCodeHashes.Count);
        }

        pendingSignIns.End(pending.Id);
        var session = await sessions.StartAsync(user.Id, pending.RememberMe, cancellationToken);
        audit.LoggedIn(user.Id);
        var device = command.Device?.UserId == user.Id ? command.Device : new KnownDevice(user.Id, Guid.NewGuid());
        return new LoginOutcome.LoggedIn(mapper.Map<UserDto>(user), session, device);
    }
}
