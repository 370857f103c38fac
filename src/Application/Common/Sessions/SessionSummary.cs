namespace DoubleDibz.Application.Common.Sessions;

/// <summary>
/// A live session as its owner sees it in "where you're signed in". <see cref="Id"/> is the session's public id: not its
/// token, and nothing the token can be derived from. <see cref="ExpiresAt"/> is the earlier of the idle and the absolute expiry.
/// </summary>
public sealed record SessionSummary(
    Guid Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset ExpiresAt,
    bool Persistent,
    string? UserAgent,
    string? ClientAddress);
