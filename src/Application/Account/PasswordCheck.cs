using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using Mediator;

namespace DoubleDibz.Application.Account;

/// <summary>
/// Asks a signed-in user for their password again before a change that matters (a new password, removing the account).
/// Each check counts as a login attempt of the account, under its back-off: a stolen session is not an unlimited
/// password oracle. Call it before staging any change (the attempt is written at once).
/// </summary>
public sealed class PasswordCheck(IPasswordHasher passwordHasher, LoginThrottle throttle, IAuditLog audit)
{
    public const string WrongPassword = "Password is incorrect";

    /// <summary>The password of a request's <c>password</c> field; a wrong one gets <see cref="WrongPassword"/> under it.</summary>
    public Task<Result<Unit>> VerifyAsync(User user, string password, CancellationToken cancellationToken) =>
        VerifyAsync(user, password, "Password", WrongPassword, cancellationToken);

    /// <param name="field">The field the password came in, which a wrong one is reported under.</param>
    /// <param name="wrongMessage">What to say under it.</param>
    public async Task<Result<Unit>> VerifyAsync(User user, string password, string field, string wrongMessage, CancellationToken cancellationToken)
    {
        var key = LoginAttemptKey.ForUser(user.Id);
        var attempt = await throttle.BeginAsync(key, cancellationToken);
        if (attempt.RetryAfter is { } wait)
        {
            audit.LoginFailed(LoginFailureReason.BackedOff, user.Id);
            return AuthErrors.TooManyAttempts(wait);
        }

        if (await passwordHasher.VerifyAsync(password, user.PasswordHash, cancellationToken) == PasswordVerification.Failed)
        {
            audit.LoginFailed(LoginFailureReason.WrongPassword, user.Id);
            if (attempt.LockIfFailed is { } delay)
            {
                audit.BackoffStarted(user.Id, delay.TotalSeconds);
            }

            return Error.Validation(new Dictionary<string, IReadOnlyList<string>> { [field] = [wrongMessage] });
        }

        await throttle.SucceededAsync(key, cancellationToken);
        return Unit.Value;
    }
}
