using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using DoubleDibz.Infrastructure.Persistence.Configurations;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DoubleDibz.Infrastructure.Persistence;

/// <summary>
/// One command's changes: entities the context tracks, plus set-based changes the stores stage with
/// <see cref="Stage"/> (ending many sessions is one <c>DELETE</c>, not a load and a delete per row). The first write
/// opens the transaction, so the database is locked only from then to the commit, never while a password is hashed.
/// Staged set-based changes run before the tracked ones, in the order they were staged.
/// </summary>
public sealed class UnitOfWork(AppDbContext db) : IUnitOfWork
{
    private const int SqliteConstraint = 19;

    // Created on the first staged change: every query's pipeline builds a unit of work it never uses.
    private List<Func<CancellationToken, Task>>? _staged;
    private IDbContextTransaction? _transaction;
    private List<Action>? _afterCommit;

    /// <summary>Stages a set-based change (<c>ExecuteDelete</c>, <c>ExecuteUpdate</c>) to run inside the command's transaction.</summary>
    public void Stage(Func<CancellationToken, Task> change) => (_staged ??= []).Add(change);

    /// <summary>Runs <paramref name="action"/> once the command's changes are committed (never when they roll back): the outbox wakes its sender.</summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    public async Task<Result<Unit>> SaveChangesAsync(CancellationToken cancellationToken)
    {
        _transaction ??= await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var change in _staged ?? [])
            {
                await change(cancellationToken);
            }

            _staged = null;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
        catch (DbUpdateException exception) when (RaceLostIn(exception) is { } lost)
        {
            // Whoever lost the race leaves nothing half-saved behind.
            await RollbackAsync(CancellationToken.None);
            return lost;
        }
    }

    public async Task<Result<Unit>> CommitAsync(CancellationToken cancellationToken)
    {
        if (_staged is null && _transaction is null && !db.ChangeTracker.HasChanges())
        {
            return Unit.Value;
        }

        var saved = await SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        await _transaction!.CommitAsync(cancellationToken);
        await EndTransactionAsync();
        var afterCommit = _afterCommit;
        _afterCommit = null;
        afterCommit?.ForEach(action => action());
        return Unit.Value;
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        _staged = null;
        _afterCommit = null;
        db.ChangeTracker.Clear();
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync(cancellationToken);
            await EndTransactionAsync();
        }
    }

    private async Task EndTransactionAsync()
    {
        await _transaction!.DisposeAsync();
        _transaction = null;
    }

    /// <summary>
    /// The answer for a write that lost a race with another request: a taken user name or e-mail (409), or an account
    /// deleted meanwhile — its row gone under an update or delete, or a new session pointing at it — which leaves the
    /// request's own session gone with it (401). Null for any other failure, which is a bug.
    /// </summary>
    private static Error? RaceLostIn(DbUpdateException exception)
    {
        if (exception is DbUpdateConcurrencyException
            || exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint } sqliteKey && sqliteKey.Message.Contains("FOREIGN KEY", StringComparison.Ordinal)
            || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            return AuthErrors.NotAuthorized;
        }

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
