using DoubleDibz.Application.Common.Sessions;

namespace DoubleDibz.Application.Common.Authorization;

/// <summary>
/// A request only a signed-in user may make. <see cref="Behaviors.AuthorizationBehavior{TMessage,TResponse}"/> answers
/// 401 for an anonymous one before validation runs, so its handler can take <see cref="AuthenticatedRequests.SignedIn"/>
/// as given. The architecture tests check that every request with a <c>Requester</c> says whether it needs one.
/// </summary>
public interface IAuthenticatedRequest
{
    /// <summary>The session the request came with; null when it came without one.</summary>
    CurrentSession? Requester { get; }
}

/// <summary>
/// A request that takes a session when there is one but does not need it (signup and login answer "already signed
/// in"). Declared so that forgetting <see cref="IAuthenticatedRequest"/> is a choice, not an accident.
/// </summary>
public interface ISessionOptionalRequest
{
    CurrentSession? Requester { get; }
}

public static class AuthenticatedRequests
{
    /// <summary>The requester of a request the authorization behavior has let through.</summary>
    public static CurrentSession SignedIn(this IAuthenticatedRequest request) =>
        request.Requester ?? throw new InvalidOperationException(
            $"{request.GetType().Name} reached its handler without a session; the authorization behavior must run first.");
}
