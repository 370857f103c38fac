using DoubleDibz.Application.Common.Ports;
using Microsoft.EntityFrameworkCore;

namespace DoubleDibz.Infrastructure.Persistence;

public sealed class DatabaseSchema(AppDbContext db) : IDatabaseSchema
{
    /// <summary>
    /// Applies pending migrations (EF serialises concurrent migrators with a lock, on SQLite and PostgreSQL) and
    /// switches SQLite to write-ahead logging, so readers never wait for the writer.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

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
