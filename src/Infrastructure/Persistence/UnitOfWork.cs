using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.Infrastructure.Persistence.Configurations;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
        if (exception.InnerException is not SqliteException { SqliteErrorCode: SqliteConstraint } sqlite)
        {
            return null;
        }

        // SQLite names the columns: "UNIQUE constraint failed: Users.NormalizedUserName".
        if (sqlite.Message.Contains(UserConfiguration.NormalizedUserName, StringComparison.Ordinal))
        {
            return UserErrors.UserNameTaken;
        }

        return sqlite.Message.Contains(UserConfiguration.NormalizedEmail, StringComparison.Ordinal) ? UserErrors.EmailTaken : null;
    }
}
