namespace DoubleDibz.Infrastructure.Sessions;

/// <summary>A stored session. The token itself is never stored: only its SHA-256, which is what a lookup matches.</summary>
public sealed class SessionRecord
{
    public Guid Id { get; init; }

    public required byte[] TokenHash { get; init; }

    public int UserId { get; init; }

    public bool Persistent { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The token's hash before the last rotation, still accepted until <see cref="PreviousTokenValidUntil"/>.</summary>
    public byte[]? PreviousTokenHash { get; init; }

    public DateTimeOffset? PreviousTokenValidUntil { get; init; }

    /// <summary>The browser that signed in (trimmed), so its owner can recognise the session in the list.</summary>
    public string? UserAgent { get; init; }

    public string? ClientAddress { get; init; }
}
