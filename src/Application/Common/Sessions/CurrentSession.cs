namespace DoubleDibz.Application.Common.Sessions;

/// <summary>The signed-in session a request came with: which session, and whose.</summary>
public sealed record CurrentSession(Guid SessionId, int UserId);
