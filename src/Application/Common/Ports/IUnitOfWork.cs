using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Common.Ports;

public interface IUnitOfWork
{
    /// <summary>
    /// Saves pending changes. A uniqueness rule broken by a concurrent writer (two signups of one name at once)
    /// comes back as a <see cref="ErrorKind.Conflict"/> failure, not as an exception.
    /// </summary>
    Task<Result<Unit>> SaveChangesAsync(CancellationToken cancellationToken);
}
