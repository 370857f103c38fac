using DoubleDibz.Application.Common.Sessions;

namespace DoubleDibz.Application.Common.Ports;

/// <summary>
/// Server-side sessions. The client only ever holds the random token; the store keeps a hash of it. Starting and
/// ending sessions is staged in the command's <see cref="IUnitOfWork"/>; only <see cref="FindActiveAsync"/>, which
/// authenticates a request, writes at once ("last seen", the remember-me token's rotation).
/// </summary>
public interface ISessionStore
{
    /// <summary>Stages a new session for the user, described by the request that started it; returns its only token.</summary>
    Task<IssuedSession> StartAsync(int userId, bool persistent, CancellationToken cancellationToken);

    /// <summary>The live session for <paramref name="token"/>, or null when it is unknown, expired or revoked.</summary>
    Task<ActiveSession?> FindActiveAsync(string token, CancellationToken cancellationToken);

    /// <summary>The user's live sessions, newest first.</summary>
    Task<IReadOnlyList<SessionSummary>> ListAsync(int userId, CancellationToken cancellationToken);

    /// <summary>Stages the end of one of the user's sessions; false (and nothing staged) when it has no live session by that id.</summary>
    Task<bool> EndAsync(int userId, Guid sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Stages the end of every session of the user but <paramref name="except"/> (all when null), on every instance at
    /// once; returns how many live ones that ends.
    /// </summary>
    Task<int> EndAllAsync(int userId, Guid? except, CancellationToken cancellationToken);
}
