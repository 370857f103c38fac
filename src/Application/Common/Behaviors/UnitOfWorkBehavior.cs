using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Common.Behaviors;

/// <summary>
/// Makes every command one unit of work: what its handler staged (through repositories and stores) is committed in
/// one transaction when it succeeds, and dropped when it fails or throws. A command sent from inside another one
/// (init-db creates the sample user) joins the outer command's unit of work. Queries pass straight through.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork, CommandNesting nesting)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly bool IsCommand = typeof(IBaseCommand).IsAssignableFrom(typeof(TMessage));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!IsCommand || nesting.Depth > 0)
        {
            return await next(message, cancellationToken);
        }

        nesting.Depth++;
        try
        {
            var response = await next(message, cancellationToken);
            if (response is IResultStatus { IsSuccess: false })
            {
                await unitOfWork.RollbackAsync(CancellationToken.None);
                return response;
            }

            // A uniqueness rule broken by a concurrent writer (two signups of one name) is the command's answer.
            var committed = await unitOfWork.CommitAsync(cancellationToken);
            return committed.IsSuccess ? response : FailureOf<TResponse>.Create(committed.Error);
        }
        catch
        {
            await unitOfWork.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            nesting.Depth--;
        }
    }
}

/// <summary>How deep in nested commands the current scope is; only the outermost command commits.</summary>
public sealed class CommandNesting
{
    public int Depth { get; set; }
}
