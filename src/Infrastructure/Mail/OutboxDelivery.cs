using System.Net.Sockets;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DoubleDibz.Infrastructure.Mail;

/// <summary>
/// One round of the outbox: claim a batch of due messages, deliver each, and record the outcome. The claim is one
/// conditional <c>UPDATE</c> (only rows whose claim has lapsed), so of several senders sharing the database — on
/// SQLite or PostgreSQL — exactly one gets each row. A delivered message's row is deleted; a failed one is tried
/// again after a back-off, and after <see cref="OutboxOptions.MaxAttempts"/> — or at once when the server refuses the
/// recipient for good — it is kept as dead without its bodies. Bodies, links and tokens are never logged.
/// </summary>
public sealed partial class OutboxDelivery(
    AppDbContext db,
    IMailTransport transport,
    IOptions<EmailOptions> options,
    AuthMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger)
{
    /// <summary>Marks the sender's SQL (a comment at its head), so a reader of the database's log or a test can tell
    /// the background polling from a request's queries.</summary>
    public const string QueryTag = "outbox-sender";

    private readonly EmailOptions _options = options.Value;

    /// <returns>How many messages were claimed (0: nothing was due).</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var leaseEnd = now + (long)_options.Outbox.ClaimLease.TotalMilliseconds;
        var batch = _options.Outbox.BatchSize;
        var outbox = db.Set<OutboxMessageRecord>().TagWith(QueryTag);
        var claimed = await outbox
            .Where(m => db.Set<OutboxMessageRecord>().Where(x => x.DeadAtUnixMs == null && x.NextAttemptAtUnixMs <= now && x.ClaimedUntilUnixMs <= now)
                            .OrderBy(x => x.NextAttemptAtUnixMs).Select(x => x.Id).Take(batch).Contains(m.Id)
                        && m.DeadAtUnixMs == null && m.ClaimedUntilUnixMs <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUnixMs, leaseEnd).SetProperty(m => m.ClaimedBy, claim), cancellationToken);
        if (claimed == 0)
        {
            return 0;
        }

        var messages = await outbox.AsNoTracking().Where(m => m.ClaimedBy == claim).ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            await DeliverAsync(message, claim, cancellationToken);
        }

        return claimed;
    }

    private async Task DeliverAsync(OutboxMessageRecord message, Guid claim, CancellationToken cancellationToken)
    {
        var outbox = db.Set<OutboxMessageRecord>().TagWith(QueryTag);
        try
        {
            await transport.SendAsync(Build(message), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = message.Attempts + 1;
            var now = clock.GetUtcNow();
            var error = exception.GetType().Name;
            if (attempts >= _options.Outbox.MaxAttempts || IsPermanent(exception))
            {
                await outbox.Where(m => m.Id == message.Id && m.ClaimedBy == claim).ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Attempts, attempts)
                        .SetProperty(m => m.DeadAtUnixMs, now.ToUnixTimeMilliseconds())
                        .SetProperty(m => m.TextBody, string.Empty)
                        .SetProperty(m => m.HtmlBody, string.Empty)
                        .SetProperty(m => m.ClaimedBy, (Guid?)null)
                        .SetProperty(m => m.ClaimedUntilUnixMs, 0L)
                        .SetProperty(m => m.LastError, error),
                    CancellationToken.None);
                metrics.MailFailed();
                LogDead(message.Id, attempts, error, Describe(exception));
                return;
            }

            var delay = _options.Outbox.DelayAfter(attempts);
            await outbox.Where(m => m.Id == message.Id && m.ClaimedBy == claim).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptAtUnixMs, (now + delay).ToUnixTimeMilliseconds())
                    .SetProperty(m => m.ClaimedBy, (Guid?)null)
                    .SetProperty(m => m.ClaimedUntilUnixMs, 0L)
                    .SetProperty(m => m.LastError, error),
                CancellationToken.None);
            metrics.MailRetried();
            LogRetry(message.Id, attempts, delay.TotalSeconds, error, Describe(exception));
            return;
        }

        // Delivered: the row (and the live link in it) goes. If this process dies before the delete, the message is
        // sent again once the claim lapses: delivery is at least once, never lost.
        await outbox.Where(m => m.Id == message.Id).ExecuteDeleteAsync(CancellationToken.None);
        metrics.MailSent();
        LogSent(message.Id, message.Attempts + 1);
    }

    /// <summary>
    /// A 5xx reply to <c>RCPT TO</c> (no such mailbox, domain refused): the server will say the same next time, so
    /// trying nine more times over an hour and a half only delays the operator's view of it. Any other failure — a
    /// 4xx, a refused sender or login (our configuration), the network — may pass, and is retried.
    /// </summary>
    private static bool IsPermanent(Exception exception) =>
        exception is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command && (int)command.StatusCode is >= 500 and < 600;

    /// <summary>
    /// What went wrong, in the words of our side only: a server's reply text can quote the message (a spam filter
    /// echoing the link, and the token in it), so it is never logged — its status code is.
    /// </summary>
    private static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException command => $"SMTP {(int)command.StatusCode} ({command.ErrorCode})",
        SmtpProtocolException => "SMTP protocol error",
        AuthenticationException => "authentication failed",
        SocketException socket => $"socket {socket.SocketErrorCode}",
        TimeoutException => "timed out",
        _ => "see the error type",
    };

    private MimeMessage Build(OutboxMessageRecord record)
    {
        var from = MailboxAddress.Parse(_options.From);
        var message = new MimeMessage { Subject = record.Subject, Date = DateTimeOffset.FromUnixTimeMilliseconds(record.CreatedAtUnixMs) };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(record.Recipient));

        // The same Message-ID on every attempt, so a receiver can tell a repeat (at-least-once delivery).
        var domain = from.Address.Contains('@', StringComparison.Ordinal) ? from.Address[(from.Address.IndexOf('@', StringComparison.Ordinal) + 1)..] : "localhost";
        message.MessageId = $"{record.Id:N}@{domain}";
        message.Body = new BodyBuilder { TextBody = record.TextBody, HtmlBody = record.HtmlBody }.ToMessageBody();
        return message;
    }

    [LoggerMessage(EventId = 1151, Level = LogLevel.Information, Message = "Mail {MessageId} sent (attempt {Attempt})")]
    private partial void LogSent(Guid messageId, int attempt);

    [LoggerMessage(EventId = 1152, Level = LogLevel.Warning, Message = "Mail {MessageId} not sent (attempt {Attempt}, {Error}: {Reason}); next try in {DelaySeconds} s")]
    private partial void LogRetry(Guid messageId, int attempt, double delaySeconds, string error, string reason);

    [LoggerMessage(EventId = 1153, Level = LogLevel.Error, Message = "Mail {MessageId} given up after {Attempts} attempts ({Error}: {Reason}); it stays in OutboxMessages as dead, without its bodies")]
    private partial void LogDead(Guid messageId, int attempts, string error, string reason);
}
