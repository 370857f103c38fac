namespace DoubleDibz.Application.Common.Sessions;

/// <summary>The signed-in session a request came with: which session, and whose.</summary>
/// <param name="Persistent">Whether it is a remember-me session.</param>
public sealed record CurrentSession(Guid SessionId, int UserId, bool Persistent = false);
