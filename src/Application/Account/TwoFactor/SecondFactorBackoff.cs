using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;

namespace DoubleDibz.Application.Account.TwoFactor;

/// <summary>
/// Second factors are guessed under the account's login back-off: each code tried is counted before it is checked,
/// and only a right one clears the count. So a stolen session, or the password, is good for a handful of guesses per
/// back-off window, whichever form they are sent through (the sign-in's second step, turning two-factor off).
/// </summary>
public sealed class SecondFactorBackoff(LoginThrottle throttle, IAuditLog audit)
{
    /// <summary>Counts a code tried for the account; 429 while the account is backed off.</summary>
    public async Task<Result<SecondFactorTry>> BeginAsync(int userId, CancellationToken cancellationToken)
    {
        var key = LoginAttemptKey.ForUser(userId);
        var admission = await throttle.BeginAsync(key, cancellationToken);
        if (admission.RetryAfter is { } wait)
        {
            audit.SecondFactorFailed(userId, SecondFactorFailureReason.BackedOff);
            return AuthErrors.TooManyAttempts(wait);
        }

        return new SecondFactorTry(userId, key, admission.LockIfFailed);
    }

    /// <summary>The code was wrong: audited, with the back-off it started if it started one.</summary>
    public void Failed(SecondFactorTry attempt, SecondFactorFailureReason reason)
    {
        audit.SecondFactorFailed(attempt.UserId, reason);
        if (attempt.LockIfFailed is { } delay)
        {
            audit.BackoffStarted(attempt.UserId, delay.TotalSeconds);
        }
    }

    /// <summary>The code was right: the account's count starts again.</summary>
    public Task SucceededAsync(SecondFactorTry attempt, CancellationToken cancellationToken) =>
        throttle.SucceededAsync(attempt.Key, cancellationToken);
}

/// <summary>A counted second-factor attempt: the account it was counted for and the lock a failure leaves.</summary>
public sealed record SecondFactorTry(int UserId, LoginAttemptKey Key, TimeSpan? LockIfFailed);
