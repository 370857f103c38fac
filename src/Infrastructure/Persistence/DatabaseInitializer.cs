using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoubleDibz.Infrastructure.Persistence;

public static class DatabaseInitializer
{
    /// <summary>
    /// Creates the database file's folder, applies pending migrations (EF serialises concurrent migrators with a
    /// lock table) and switches SQLite to write-ahead logging, so readers never wait for the writer.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
