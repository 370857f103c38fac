using DoubleDibz.Domain.Users;

namespace DoubleDibz.Application.Common.Ports;

public enum PasswordVerification
{
    Failed,
    Succeeded,

    /// <summary>The password is right, but the hash was made with other parameters than today's: store a new one.</summary>
    SucceededRehashNeeded,
}

public interface IPasswordHasher
{
    Task<PasswordHash> HashAsync(string password, CancellationToken cancellationToken);

    /// <summary>
    /// Checks <paramref name="password"/> against <paramref name="hash"/>. With a null hash (no such account) it does
    /// the same work against a dummy hash and fails, so an unknown login costs as much time as a wrong password.
    /// </summary>
    Task<PasswordVerification> VerifyAsync(string password, PasswordHash? hash, CancellationToken cancellationToken);

    /// <summary>
    /// True when a hash asked for now would be refused (every slot running and the queue full), with how long to
    /// wait. A hint for refusing early and cheaply; the hash itself still throws <c>ServiceBusyException</c> then.
    /// </summary>
    bool IsSaturated(out TimeSpan retryAfter);
}
