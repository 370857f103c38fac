using DoubleDibz.Application.Common.Throttling;
using DoubleDibz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Infrastructure.Maintenance;

/// <summary>Deletes sessions past their expiry and failed-login counts that no longer count or lock anything.</summary>
public sealed class ExpiredRowCleanup(AppDbContext db, TimeProvider clock, IOptions<LoginBackoffOptions> backoff)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var forgetBeforeMs = (now - backoff.Value.ForgetAfter).ToUnixTimeMilliseconds();

        var sessions = await db.Sessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var attempts = await db.LoginAttempts
            .Where(a => a.LastFailureUnixMs < forgetBeforeMs && a.LockedUntilUnixMs <= nowMs)
            .ExecuteDeleteAsync(cancellationToken);
        return sessions + attempts;
    }
}
