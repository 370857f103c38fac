using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Throttling;
using DoubleDibz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DoubleDibz.Infrastructure.Throttling;

public sealed class LoginAttemptStore(AppDbContext db) : ILoginAttemptStore
{
    public async Task<DateTimeOffset?> FindLockedUntilAsync(LoginAttemptKey key, CancellationToken cancellationToken)
    {
        var lockedUntil = await db.LoginAttempts.AsNoTracking()
            .Where(a => a.Key == key.Value)
            .Select(a => (long?)a.LockedUntilUnixMs)
            .FirstOrDefaultAsync(cancellationToken);
        return lockedUntil is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public async Task<int> AddFailureAsync(LoginAttemptKey key, DateTimeOffset now, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        // One atomic upsert (SQLite >= 3.35 and PostgreSQL share this syntax): concurrent failures all count.
        var nowMs = now.ToUnixTimeMilliseconds();
        var forgetBeforeMs = forgetBefore.ToUnixTimeMilliseconds();
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "LoginAttempts" ("Key", "ConsecutiveFailures", "LastFailureUnixMs", "LockedUntilUnixMs")
            VALUES ({key.Value}, 1, {nowMs}, 0)
            ON CONFLICT ("Key") DO UPDATE SET
                "ConsecutiveFailures" = CASE WHEN "LoginAttempts"."LastFailureUnixMs" < {forgetBeforeMs} THEN 1
                                             ELSE "LoginAttempts"."ConsecutiveFailures" + 1 END,
                "LastFailureUnixMs" = {nowMs}
            RETURNING "ConsecutiveFailures" AS "Value"
            """).ToListAsync(cancellationToken);
        return counts[0];
    }

    public Task LockAsync(LoginAttemptKey key, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var untilMs = until.ToUnixTimeMilliseconds();
        return db.LoginAttempts.Where(a => a.Key == key.Value)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.LockedUntilUnixMs, untilMs), cancellationToken);
    }

    public Task ClearAsync(LoginAttemptKey key, CancellationToken cancellationToken) =>
        db.LoginAttempts.Where(a => a.Key == key.Value).ExecuteDeleteAsync(cancellationToken);
}
