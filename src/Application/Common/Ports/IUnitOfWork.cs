using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Common.Ports;

/// <summary>
/// The changes of one command, written together or not at all. Repositories and stores only <em>stage</em> changes
/// (a tracked entity, a session to end); <see cref="Behaviors.UnitOfWorkBehavior{TMessage,TResponse}"/> commits them
/// in one transaction when the command succeeds and drops them when it fails. Handlers never commit.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Writes what is staged so far inside the command's transaction, for a handler that needs a new row's id (signup).
    /// Nothing is visible to others before the commit. A uniqueness rule broken by a concurrent writer comes back as
    /// a <see cref="ErrorKind.Conflict"/> failure, not as an exception.
    /// </summary>
    Task<Result<Unit>> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Writes what is left and commits. For the pipeline: called once, when the command has succeeded.</summary>
    Task<Result<Unit>> CommitAsync(CancellationToken cancellationToken);

    /// <summary>Drops everything staged and undoes what was written. For the pipeline: called when the command failed.</summary>
    Task RollbackAsync(CancellationToken cancellationToken);
}
