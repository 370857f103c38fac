using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Common.Authorization;
using Mediator;

namespace DoubleDibz.Application.Common.Behaviors;

/// <summary>
/// Refuses an <see cref="IAuthenticatedRequest"/> that came without a session, with the contract's 401, before its
/// fields are validated: an anonymous caller learns nothing about what a signed-in one may send.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        message is IAuthenticatedRequest { Requester: null }
            ? ValueTask.FromResult(FailureOf<TResponse>.Create(AuthErrors.NotAuthorized))
            : next(message, cancellationToken);
}
