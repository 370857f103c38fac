using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Infrastructure.Persistence;

namespace DoubleDibz.Infrastructure.Mail;

/// <summary>Adds the message to <c>OutboxMessages</c> in the command's unit of work, and wakes the sender once it committed.</summary>
public sealed class MailOutbox(AppDbContext db, UnitOfWork unitOfWork, OutboxSignal signal, TimeProvider clock) : IMailOutbox
{
    public void Enqueue(OutgoingMail mail)
    {
        var now = clock.GetUtcNow();
        db.Set<OutboxMessageRecord>().Add(new OutboxMessageRecord
        {
            Id = Guid.CreateVersion7(now),
            Recipient = mail.To,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            CreatedAtUnixMs = now.ToUnixTimeMilliseconds(),
            NextAttemptAtUnixMs = now.ToUnixTimeMilliseconds(),
        });
        unitOfWork.AfterCommit(signal.Wake);
    }
}
