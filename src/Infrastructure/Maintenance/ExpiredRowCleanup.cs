using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Infrastructure.Maintenance;

/// <summary>
/// Deletes sessions and e-mailed account tokens past their expiry, and login-attempt counts that no longer count or lock anything, in batches of
/// <see cref="BatchSize"/> rows: each batch is one short statement (the oldest rows first, found through the expiry
/// index), so the sweep never holds SQLite's single write lock long enough to stall logins, however many rows an
/// attacker made pile up; and it pauses <see cref="MaintenanceOptions.BatchPause"/> between batches, so a sweep of a
/// million rows leaves the requests it runs beside their share of a small machine.
/// </summary>
public sealed class ExpiredRowCleanup(AppDbContext db, TimeProvider clock, IOptions<LoginBackoffOptions> backoff, IOptions<MaintenanceOptions> maintenance)
{
    public const int BatchSize = 500;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var forgetBeforeMs = (now - backoff.Value.ForgetAfter).ToUnixTimeMilliseconds();

        var sessions = await DeleteInBatchesAsync(
            () => db.Sessions
                .Where(s => db.Sessions.Where(x => x.ExpiresAt <= now).OrderBy(x => x.ExpiresAt).Select(x => x.Id).Take(BatchSize).Contains(s.Id))
                .ExecuteDeleteAsync(cancellationToken),
            cancellationToken);
        var attempts = await DeleteInBatchesAsync(
            () => db.LoginAttempts
                .Where(a => db.LoginAttempts.Where(x => x.LastFailureUnixMs < forgetBeforeMs && x.LockedUntilUnixMs <= nowMs)
                    .OrderBy(x => x.Key).Select(x => x.Key).Take(BatchSize).Contains(a.Key))
                .ExecuteDeleteAsync(cancellationToken),
            cancellationToken);
        var tokens = db.Set<AccountTokens.AccountTokenRecord>();
        var expiredTokens = await DeleteInBatchesAsync(
            () => tokens
                .Where(t => tokens.Where(x => x.ExpiresAt <= now).OrderBy(x => x.ExpiresAt).Select(x => x.Id).Take(BatchSize).Contains(t.Id))
                .ExecuteDeleteAsync(cancellationToken),
            cancellationToken);
        return sessions + attempts + expiredTokens;
    }

    private async Task<int> DeleteInBatchesAsync(Func<Task<int>> deleteBatch, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            var deletedNow = await deleteBatch();
            deleted += deletedNow;
            if (deletedNow < BatchSize)
            {
                return deleted; // all done
            }

            // Real time, not the service's clock: the pause is for the machine, not for the expiry arithmetic.
            await Task.Delay(maintenance.Value.BatchPause, cancellationToken);
        }
    }
}
