using Microsoft.Extensions.Logging;
using MimeKit;

namespace DoubleDibz.Infrastructure.Mail;

/// <summary>
/// Writes each message as an RFC 5322 <c>.eml</c> file into a folder, so the service runs with no mail server. The
/// file is written under a temporary name and then renamed, so whatever watches the folder never reads half a message.
/// </summary>
public sealed partial class PickupDirectoryTransport(string directory, ILogger<PickupDirectoryTransport> logger) : IMailTransport
{
    public string Directory { get; } = directory;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(Directory, name);
        var temporary = path + ".tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await message.WriteToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path);
        }
        finally
        {
            File.Delete(temporary); // gone already after the rename
        }

        LogWritten(path);
    }

    [LoggerMessage(EventId = 1150, Level = LogLevel.Information, Message = "Mail written to pickup file {Path}")]
    private partial void LogWritten(string path);
}
