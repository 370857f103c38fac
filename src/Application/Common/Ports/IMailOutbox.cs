using DoubleDibz.Application.Common.Mail;

namespace DoubleDibz.Application.Common.Ports;

/// <summary>
/// Outgoing mail, written to the database in the command's unit of work (a transactional outbox): a command that
/// rolls back sends nothing, one that commits always sends, and no request waits for the mail server. A background
/// sender delivers it, with retries.
/// </summary>
public interface IMailOutbox
{
    /// <summary>Stages the message; it is sent after the command commits.</summary>
    void Enqueue(OutgoingMail mail);
}
