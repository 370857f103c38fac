using DoubleDibz.Application.Common.Sessions;

namespace DoubleDibz.Application.Common.Ports;

/// <summary>Server-side sessions. The client only ever holds the random token; the store keeps a hash of it.</summary>
public interface ISessionStore
{
    Task<IssuedSession> StartAsync(int userId, bool persistent, CancellationToken cancellationToken);

    /// <summary>The live session for <paramref name="token"/>, or null when it is unknown, expired or revoked.</summary>
    Task<ActiveSession?> FindActiveAsync(string token, CancellationToken cancellationToken);

    Task RevokeAsync(CurrentSession session, CancellationToken cancellationToken);

    /// <summary>Ends every session of the user, on every instance at once; returns how many there were.</summary>
    Task<int> RevokeAllAsync(int userId, CancellationToken cancellationToken);
}
