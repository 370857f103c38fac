using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DoubleDibz.Infrastructure.Throttling;

public sealed class LoginAttemptStore(AppDbContext db) : ILoginAttemptStore
{
    public async Task<CountedAttempt?> TryCountAsync(LoginAttemptKey key, DateTimeOffset now, LoginBackoffOptions policy, CancellationToken cancellationToken)
    {
        // Counts are written at once, whatever the command's outcome; inside its transaction a failure would undo them.
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("Count the attempt before the command writes anything: its transaction would roll the count back.");
        }

        var nowMs = now.ToUnixTimeMilliseconds();
        var forgetBeforeMs = (now - policy.ForgetAfter).ToUnixTimeMilliseconds();
        var rows = await db.Database.SqlQuery<CountRow>(CountSql(policy, key.Value, nowMs, forgetBeforeMs)).ToListAsync(cancellationToken);
        return rows is [var row] ? new CountedAttempt(row.ConsecutiveFailures, DateTimeOffset.FromUnixTimeMilliseconds(row.LockedUntilUnixMs)) : null;
    }

    public async Task<DateTimeOffset?> FindLockedUntilAsync(LoginAttemptKey key, CancellationToken cancellationToken)
    {
        var lockedUntil = await db.LoginAttempts.AsNoTracking()
            .Where(a => a.Key == key.Value)
            .Select(a => (long?)a.LockedUntilUnixMs)
            .FirstOrDefaultAsync(cancellationToken);
        return lockedUntil is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public Task ClearAsync(LoginAttemptKey key, CancellationToken cancellationToken) =>
        db.LoginAttempts.Where(a => a.Key == key.Value).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// One upsert (SQLite >= 3.35 and PostgreSQL share the syntax) that counts the attempt and sets the lock its count
    /// calls for, unless the row is locked now: then its <c>WHERE</c> skips the update and <c>RETURNING</c> gives no row.
    /// Nothing runs between the check and the count, so parallel attempts cannot all pass a check made before any of
    /// them was counted. Parameters: {0} key, {1} now, {2} forget-before (Unix ms). The lock schedule comes from
    /// the options as numeric literals.
    /// </summary>
    private static FormattableString CountSql(LoginBackoffOptions policy, string key, long nowMs, long forgetBeforeMs)
    {
        const string Row = "\"LoginAttempts\"";
        var count = $"(CASE WHEN {Row}.\"LastFailureUnixMs\" < {{2}} THEN 1 ELSE {Row}.\"ConsecutiveFailures\" + 1 END)";
        var sql = $$"""
            INSERT INTO "LoginAttempts" ("Key", "ConsecutiveFailures", "LastFailureUnixMs", "LockedUntilUnixMs")
            VALUES ({0}, 1, {1}, {{LockedUntil("1", policy)}})
            ON CONFLICT ("Key") DO UPDATE SET
                "ConsecutiveFailures" = {{count}},
                "LastFailureUnixMs" = {1},
                "LockedUntilUnixMs" = {{LockedUntil(count, policy)}}
            WHERE {{Row}}."LockedUntilUnixMs" <= {1}
            RETURNING "ConsecutiveFailures", "LockedUntilUnixMs"
            """;
        return FormattableStringFactory.Create(sql, key, nowMs, forgetBeforeMs);
    }

    // CASE <count> WHEN free THEN now + first delay WHEN free + 1 THEN ... ELSE (at or past the last) ... END
    private static string LockedUntil(string count, LoginBackoffOptions policy)
    {
        var schedule = policy.LockSchedule();
        var free = policy.FreeFailures;
        var sql = new StringBuilder().Append(CultureInfo.InvariantCulture, $"(CASE WHEN {count} < {free} THEN 0");
        for (var i = 0; i < schedule.Count - 1; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {count} = {free + i} THEN {{1}} + {(long)schedule[i].TotalMilliseconds}");
        }

        return sql.Append(CultureInfo.InvariantCulture, $" ELSE {{1}} + {(long)schedule[^1].TotalMilliseconds} END)").ToString();
    }

    private sealed class CountRow
    {
        public int ConsecutiveFailures { get; init; }

        public long LockedUntilUnixMs { get; init; }
    }
}
