using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.Infrastructure.Persistence.Configurations;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DoubleDibz.Infrastructure.Persistence;

public sealed class UnitOfWork(AppDbContext db) : IUnitOfWork
{
    private const int SqliteConstraint = 19;

    public async Task<Result<Unit>> SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
        catch (DbUpdateException exception) when (UniqueViolationOf(exception) is { } conflict)
        {
            // Whoever lost the race leaves nothing half-saved behind in this context.
            db.ChangeTracker.Clear();
            return conflict;
        }
    }

    private static Error? UniqueViolationOf(DbUpdateException exception)
    {
        // SQLite names the columns ("UNIQUE constraint failed: Users.NormalizedUserName"); PostgreSQL names the
        // index ("IX_Users_NormalizedUserName"). Both contain the column name.
        var violated = exception.InnerException switch
        {
            SqliteException { SqliteErrorCode: SqliteConstraint } sqlite => sqlite.Message,
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres => postgres.ConstraintName ?? string.Empty,
            _ => null,
        };

        if (violated is null)
        {
            return null;
        }

        if (violated.Contains(UserConfiguration.NormalizedUserName, StringComparison.Ordinal))
        {
            return UserErrors.UserNameTaken;
        }

        return violated.Contains(UserConfiguration.NormalizedEmail, StringComparison.Ordinal) ? UserErrors.EmailTaken : null;
    }
}
