using System.Diagnostics;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Infrastructure.Mail;
using DoubleDibz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Infrastructure.Maintenance;

/// <summary>
/// Deletes sessions, pending sign-ins and e-mailed account tokens past their expiry, login-attempt counts that
/// no longer count or lock anything, and dead mail kept longer than <see cref="OutboxOptions.KeepDeadFor"/>, in batches of
/// <see cref="BatchSize"/> rows: each batch is one short statement (the oldest rows first, found through the expiry
/// index; dead mail has none, as the outbox holds only mail in flight and the few dead messages), so the sweep never holds SQLite's single write lock long enough to stall logins, however many rows an
/// attacker made pile up. Between batches it rests in proportion to the time the batch took
/// (<see cref="MaintenanceOptions.BusyShare"/>, at least <see cref="MaintenanceOptions.BatchPause"/>), so a sweep of
/// a million rows takes a bounded share of a small machine instead of a whole core (docs/performance.md, "Sweeper").
/// </summary>
public sealed class ExpiredRowCleanup(
    AppDbContext db,
    TimeProvider clock,
    IOptions<LoginBackoffOptions> backoff,
    IOptions<EmailOptions> email,
    IOptions<MaintenanceOptions> maintenance)
{
    // 100 rows: ~5 ms a batch on a million-row table, against ~80 ms for 500 (the cost per row is the same;
    // the statement holding the write lock and its thread is what shrinks).
    public const int BatchSize = 100;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var forgetBeforeMs = (now - backoff.Value.ForgetAfter).ToUnixTimeMilliseconds();

        var sessions = await DeleteInBatchesAsync(
            () => db.Sessions
                .Where(s => db.Sessions.Where(x => x.ExpiresAt <= now).OrderBy(x => x.ExpiresAt).Select(x => x.Id).Take(BatchSize).Contains(s.Id))
                .ExecuteDelete(),
            cancellationToken);
        var attempts = await DeleteInBatchesAsync(
            () => db.LoginAttempts
                .Where(a => db.LoginAttempts.Where(x => x.LastFailureUnixMs < forgetBeforeMs && x.LockedUntilUnixMs <= nowMs)
                    .OrderBy(x => x.Key).Select(x => x.Key).Take(BatchSize).Contains(a.Key))
                .ExecuteDelete(),
            cancellationToken);
        var pendingSignIns = await DeleteInBatchesAsync(
            () => db.PendingSignIns
                .Where(p => db.PendingSignIns.Where(x => x.ExpiresAtUnixMs <= nowMs).OrderBy(x => x.ExpiresAtUnixMs).Select(x => x.Id).Take(BatchSize).Contains(p.Id))
                .ExecuteDelete(),
            cancellationToken);
        var tokens = db.Set<AccountTokens.AccountTokenRecord>();
        var expiredTokens = await DeleteInBatchesAsync(
            () => tokens
                .Where(t => tokens.Where(x => x.ExpiresAt <= now).OrderBy(x => x.ExpiresAt).Select(x => x.Id).Take(BatchSize).Contains(t.Id))
                .ExecuteDelete(),
            cancellationToken);
        var outbox = db.Set<OutboxMessageRecord>();
        var deadBeforeMs = (now - email.Value.Outbox.KeepDeadFor).ToUnixTimeMilliseconds();
        // In key order: the batch walks the primary key's index and stops at its last row (DeadAtUnixMs has no index,
        // so ordering by it would sort every dead row again for each batch).
        var deadMail = await DeleteInBatchesAsync(
            () => outbox
                .Where(m => outbox.Where(x => x.DeadAtUnixMs != null && x.DeadAtUnixMs <= deadBeforeMs)
                    .OrderBy(x => x.Id).Select(x => x.Id).Take(BatchSize).Contains(m.Id))
                .ExecuteDelete(),
            cancellationToken);
        return sessions + attempts + pendingSignIns + expiredTokens + deadMail;
    }

    private async Task<int> DeleteInBatchesAsync(Func<int> deleteBatch, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            // Real time, not the service's clock: the rest is for the machine, not for the expiry arithmetic.
            var started = Stopwatch.GetTimestamp();
            // SQLite runs a statement synchronously even behind an async API, so a batch gets its own thread rather
            // than holding one of the few thread-pool threads the requests need.
            var deletedNow = await Task.Factory.StartNew(deleteBatch, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            deleted += deletedNow;
            if (deletedNow < BatchSize)
            {
                return deleted; // all done
            }

            await Task.Delay(RestAfter(Stopwatch.GetElapsedTime(started), maintenance.Value), cancellationToken);
        }
    }

    /// <summary>How long to rest after a batch that took <paramref name="busy"/>, so the sweep is busy at most
    /// <see cref="MaintenanceOptions.BusyShare"/> of the time.</summary>
    public static TimeSpan RestAfter(TimeSpan busy, MaintenanceOptions options)
    {
        var proportional = busy * ((1 - options.BusyShare) / options.BusyShare);
        return proportional > options.BatchPause ? proportional : options.BatchPause;
    }
}
