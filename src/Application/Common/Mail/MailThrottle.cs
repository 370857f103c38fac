using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Ports;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Application.Common.Mail;

/// <summary>
/// The per-account limit on mails a request can cause (<see cref="MailLimitOptions"/>), counted in the login-attempt
/// store (so every instance shares it) under keys of their own. Forgot-password keys it on the server-keyed hash of
/// the login as typed, so a known and an unknown login are limited alike and a 429 reveals nothing. Like a login
/// attempt, a request is counted before the command writes anything, and it stands whatever the outcome.
/// </summary>
public sealed class MailThrottle(ILoginAttemptStore store, IOptions<AccountOptions> options, TimeProvider clock)
{
    private readonly LoginBackoffOptions _policy = new()
    {
        FreeFailures = options.Value.MailLimit.FreeMails,
        InitialDelay = options.Value.MailLimit.InitialDelay,
        MaxDelay = options.Value.MailLimit.MaxDelay,
        ForgetAfter = options.Value.MailLimit.ForgetAfter,
    };

    public static LoginAttemptKey ForLogin(string keyedHash) => new("mail:login:" + keyedHash);

    public static LoginAttemptKey ForUser(int userId) => new($"mail:user:{userId}");

    /// <summary>Counts one request for <paramref name="key"/>; null when admitted, else how long to wait.</summary>
    public async Task<TimeSpan?> TryAdmitAsync(LoginAttemptKey key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await store.TryCountAsync(key, now, _policy, cancellationToken) is not null)
        {
            return null;
        }

        var wait = await store.FindLockedUntilAsync(key, cancellationToken) - now;
        return wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1);
    }

    public static Domain.Common.Error TooMany(TimeSpan retryAfter) =>
        Domain.Common.Error.TooManyAttempts($"Too many e-mails asked for, try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds", retryAfter);
}
