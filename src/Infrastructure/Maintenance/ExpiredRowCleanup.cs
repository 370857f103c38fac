using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Infrastructure.Maintenance;

/// <summary>
/// Deletes sessions past their expiry and login-attempt counts that no longer count or lock anything, in batches of
/// <see cref="BatchSize"/> rows: each batch is its own short statement, so the sweep never holds SQLite's single
/// write lock long enough to stall logins, however many rows an attacker made pile up.
/// </summary>
public sealed class ExpiredRowCleanup(AppDbContext db, TimeProvider clock, IOptions<LoginBackoffOptions> backoff)
{
    public const int BatchSize = 500;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var forgetBeforeMs = (now - backoff.Value.ForgetAfter).ToUnixTimeMilliseconds();

        var sessions = await DeleteInBatchesAsync(
            () => db.Sessions.Where(s => s.ExpiresAt <= now).Select(s => s.Id).Take(BatchSize).ToListAsync(cancellationToken),
            ids => db.Sessions.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken));
        var attempts = await DeleteInBatchesAsync(
            () => db.LoginAttempts.Where(a => a.LastFailureUnixMs < forgetBeforeMs && a.LockedUntilUnixMs <= nowMs)
                .Select(a => a.Key).Take(BatchSize).ToListAsync(cancellationToken),
            keys => db.LoginAttempts.Where(a => keys.Contains(a.Key)).ExecuteDeleteAsync(cancellationToken));
        return sessions + attempts;
    }

    private static async Task<int> DeleteInBatchesAsync<TKey>(Func<Task<List<TKey>>> nextBatch, Func<List<TKey>, Task<int>> delete)
    {
        var deleted = 0;
        while (true)
        {
            var batch = await nextBatch();
            var deletedNow = batch.Count > 0 ? await delete(batch) : 0;
            deleted += deletedNow;
            if (batch.Count < BatchSize || deletedNow == 0)
            {
                return deleted; // all done, or rows it cannot delete: never loop on them
            }
        }
    }
}
