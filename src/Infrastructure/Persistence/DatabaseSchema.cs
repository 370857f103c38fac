using DoubleDibz.Application.Common.Ports;
using Microsoft.EntityFrameworkCore;

namespace DoubleDibz.Infrastructure.Persistence;

public sealed class DatabaseSchema(AppDbContext db) : IDatabaseSchema
{
    // Any fixed number: every instance of this service takes the same advisory lock while it migrates.
    private const long MigrationLock = 0x646f75626c65; // "double"

    /// <summary>
    /// Applies pending migrations and switches SQLite to write-ahead logging, so readers never wait for the writer.
    /// On PostgreSQL, instances starting together take turns under a session-level advisory lock: EF's own lock is
    /// held per migration transaction only, and with two pending migrations a second instance re-applied the one the
    /// first had just committed ("column already exists").
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            var applied = await ApplyPendingAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            return applied;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLock})", cancellationToken);
            try
            {
                return await ApplyPendingAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<IReadOnlyList<string>> ApplyPendingAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    public async Task WipeDataAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Sessions.ExecuteDeleteAsync(cancellationToken);
        await db.LoginAttempts.ExecuteDeleteAsync(cancellationToken);
        await db.Users.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
