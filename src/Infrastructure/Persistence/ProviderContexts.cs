using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DoubleDibz.Infrastructure.Persistence;

/// <summary>The model on SQLite; migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>The model on PostgreSQL; migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

/// <summary>
/// For <c>dotnet ef migrations add … --context SqliteAppDbContext</c>: no host and no database needed to
/// write a migration. The app itself configures the context in <c>DependencyInjection</c>.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(DependencyInjection.DefaultConnectionString).Options);
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresAppDbContext</c>.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=doubledibz").Options);
}
