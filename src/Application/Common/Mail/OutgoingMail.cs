namespace DoubleDibz.Application.Common.Mail;

/// <summary>
/// One message to one address, in plain text and HTML. The bodies may hold a live link (a token), so this record
/// never prints them.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string HtmlBody)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Subject = ").Append(Subject).Append(", bodies = [redacted]");
        return true;
    }
}
