using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DoubleDibz.IntegrationTests.Support;

/// <summary>
/// A real SMTP server on 127.0.0.1 that accepts the session and answers every <c>RCPT TO</c> with one fixed reply
/// (say <c>550 5.1.1 …</c>, or a temporary <c>450</c>): what a mail server does with an address it will not take.
/// Its reply text is the test's to choose, so a test can check that it never reaches the service's log.
/// </summary>
public sealed class RefusingSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _recipientReply;
    private readonly CancellationTokenSource _stop = new();

    public RefusingSmtpServer(string recipientReply)
    {
        _recipientReply = recipientReply;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 refusing.test ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                if (verb == "RCPT")
                {
                    await writer.WriteLineAsync(_recipientReply);
                }
                else if (verb == "QUIT")
                {
                    await writer.WriteLineAsync("221 bye");
                    return;
                }
                else
                {
                    await writer.WriteLineAsync(verb is "EHLO" or "HELO" ? "250 refusing.test" : "250 OK");
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up, or the test is over.
        }
    }
}
