namespace DoubleDibz.Infrastructure.Mail;

/// <summary>Section <c>Email</c>: where mail goes and how the outbox sends it.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>The sender, e.g. <c>DoubleDibz &lt;no-reply@example.com&gt;</c>.</summary>
    public string From { get; set; } = "DoubleDibz <no-reply@localhost>";

    /// <summary>
    /// Where messages are written as <c>.eml</c> files when no SMTP host is set. Empty: <c>App_Data/mail</c> beside the
    /// SQLite database (under the content root for PostgreSQL).
    /// </summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>The SMTP server; when empty, mail goes to the pickup folder.</summary>
    public string? Host { get; set; }

    /// <summary>0: the usual port for <see cref="Security"/> (465 for SslOnConnect, 587 otherwise, 25 for None).</summary>
    public int Port { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>How long one connection, command or reply may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>How the SMTP connection is protected (MailKit's <c>SecureSocketOptions</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,

    /// <summary>STARTTLS, required.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>Plain text; for a relay on the same host or a test server.</summary>
    None,
}

public sealed class OutboxOptions
{
    /// <summary>How often the sender looks for mail queued by other instances or due for a retry (this instance's own mail wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages claimed at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claim holds a message; a sender that dies leaves it to another after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a message is given up ("dead").</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; it doubles after each further one, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a dead message (no bodies: recipient, subject, error) stays for an operator before the sweeper deletes it.</summary>
    public TimeSpan KeepDeadFor { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan DelayAfter(int failedAttempts)
    {
        var seconds = RetryBaseDelay.TotalSeconds * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        return seconds < RetryMaxDelay.TotalSeconds ? TimeSpan.FromSeconds(seconds) : RetryMaxDelay;
    }
}
