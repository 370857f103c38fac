using MimeKit;

namespace DoubleDibz.Infrastructure.Mail;

/// <summary>Delivers one built message: over SMTP (<see cref="SmtpMailTransport"/>) or into the pickup folder (<see cref="PickupDirectoryTransport"/>).</summary>
public interface IMailTransport
{
    /// <summary>Returns when the message is accepted; throws when it was not (the outbox tries again later).</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
