using System.Text.RegularExpressions;
using MimeKit;

namespace DoubleDibz.IntegrationTests.Support;

/// <summary>The mail a service wrote into its pickup folder, read back as real RFC 5322 messages.</summary>
public sealed partial class Mailbox(string directory)
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Every message to <paramref name="recipient"/> so far (case-insensitive), oldest first.</summary>
    public IReadOnlyList<MimeMessage> To(string recipient)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, recipient, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>Polls until <paramref name="count"/> messages to the recipient whose subject contains <paramref name="subject"/> have arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string recipient, string subject, int count = 1)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var found = To(recipient).Where(m => (m.Subject ?? string.Empty).Contains(subject, StringComparison.Ordinal)).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.That(found, Has.Count.GreaterThanOrEqualTo(count), $"no '{subject}' mail to {recipient} within {Deadline}");
                return found;
            }

            await Task.Delay(50);
        }
    }

    public async Task<MimeMessage> WaitForOneAsync(string recipient, string subject) => (await WaitForAsync(recipient, subject))[^1];

    /// <summary>The token of the link to <paramref name="page"/> in the message's plain-text part.</summary>
    public static string TokenIn(MimeMessage message, string page) => TokenIn(message.TextBody ?? string.Empty, page);

    public static string TokenIn(string text, string page)
    {
        var match = Regex.Match(text, $@"https?://[^\s/]+/{Regex.Escape(page)}\?token=([A-Za-z0-9_\-%]+)");
        Assert.That(match.Success, Is.True, $"no {page} link in: {text}");
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }

    /// <summary>The whole link to <paramref name="page"/> in the plain-text part.</summary>
    public static string LinkIn(MimeMessage message, string page)
    {
        var match = Regex.Match(message.TextBody ?? string.Empty, $@"https?://\S+/{Regex.Escape(page)}\?token=\S+");
        Assert.That(match.Success, Is.True, $"no {page} link in: {message.TextBody}");
        return match.Value;
    }
}
