namespace DoubleDibz.Infrastructure.AccountTokens;

/// <summary>A row of <c>AccountTokens</c>: only the SHA-256 of the token the user was sent, never the token.</summary>
public sealed class AccountTokenRecord
{
    public Guid Id { get; set; }

    public int UserId { get; set; }

    /// <summary>An <see cref="Application.Common.Mail.AccountTokenPurpose"/>, by number.</summary>
    public int Purpose { get; set; }

    public byte[] TokenHash { get; set; } = [];

    /// <summary>For a change of address: the address the token sets.</summary>
    public string? NewEmail { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
