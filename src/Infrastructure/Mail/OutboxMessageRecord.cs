namespace DoubleDibz.Infrastructure.Mail;

/// <summary>
/// A row of <c>OutboxMessages</c>: one message waiting to be sent, being sent, or given up (dead). Times are Unix
/// milliseconds, so the claim compares them in SQL on every provider. A sent message's row is deleted; a dead one
/// keeps its envelope but not its bodies (they held a live link).
/// </summary>
public sealed class OutboxMessageRecord
{
    public Guid Id { get; set; }

    public string Recipient { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string TextBody { get; set; } = string.Empty;

    public string HtmlBody { get; set; } = string.Empty;

    public long CreatedAtUnixMs { get; set; }

    public int Attempts { get; set; }

    public long NextAttemptAtUnixMs { get; set; }

    /// <summary>A sender holds the row until then; 0 when nobody does.</summary>
    public long ClaimedUntilUnixMs { get; set; }

    /// <summary>The claim that holds the row (one per batch of one sender); null when none.</summary>
    public Guid? ClaimedBy { get; set; }

    /// <summary>Set when the message was given up after its last attempt.</summary>
    public long? DeadAtUnixMs { get; set; }

    /// <summary>The last failure's kind (an exception type name), for operators; never a body or a server's reply.</summary>
    public string? LastError { get; set; }
}
