using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;

namespace DoubleDibz.IntegrationTests.Support;

/// <summary>
/// A real SMTP server for the tests: smtp4dev (the local dotnet tool <c>Rnwood.Smtp4dev</c>), on loopback only, with
/// an in-memory store and no IMAP/POP3. Its HTTP API lists what arrived and serves each message's raw source.
/// <see cref="Shared"/> is one server for the whole run (started on first use, stopped by <see cref="Smtp4devRun"/>);
/// a test may start its own on a port of its choice.
/// </summary>
public sealed class Smtp4dev : IDisposable
{
    private static readonly Lazy<Task<Smtp4dev>> SharedServer = new(() => StartAsync(FreeTcpPort.Next()));
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly HttpClient _api;

    private Smtp4dev(Process process, int smtpPort, Uri apiAddress)
    {
        _process = process;
        SmtpPort = smtpPort;
        _api = new HttpClient { BaseAddress = apiAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; }

    public static Task<Smtp4dev> Shared => SharedServer.Value;

    internal static bool SharedStarted => SharedServer.IsValueCreated;

    /// <summary>Settings that point a service at this server.</summary>
    public IReadOnlyDictionary<string, string?> ServiceSettings() => SettingsFor(SmtpPort);

    public static IReadOnlyDictionary<string, string?> SettingsFor(int smtpPort) => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:Timeout"] = "00:00:05",
        ["Email:Outbox:RetryBaseDelay"] = "00:00:00.200",
        ["Email:Outbox:RetryMaxDelay"] = "00:00:01",
        ["Email:Outbox:PollInterval"] = "00:00:00.500",
        ["Email:Outbox:MaxAttempts"] = "1000", // smtp4dev may take a while to start in the outage test
    };

    public static async Task<Smtp4dev> StartAsync(int smtpPort)
    {
        var httpPort = FreeTcpPort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "tool", "run", "smtp4dev", "--", "--urls", $"http://127.0.0.1:{httpPort}", "--smtpport", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--db", "", "--imapport=", "--pop3port=", "--bindaddress", "127.0.0.1",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new Smtp4dev(process, smtpPort, new Uri($"http://127.0.0.1:{httpPort}/"));
        var deadline = DateTime.UtcNow + StartDeadline;
        while (true)
        {
            try
            {
                using var answer = await server._api.GetAsync("api/messages");
                if (answer.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                server.Dispose();
                throw new InvalidOperationException($"smtp4dev did not answer on port {httpPort} within {StartDeadline} (exited: {process.HasExited}); run 'dotnet tool restore'.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Every message that arrived for <paramref name="recipient"/>, as real MIME messages, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(string recipient)
    {
        var list = await _api.GetFromJsonAsync<JsonElement>("api/messages?pageSize=1000");
        var found = new List<(DateTimeOffset, MimeMessage)>();
        foreach (var summary in list.GetProperty("results").EnumerateArray())
        {
            if (!summary.GetProperty("to").EnumerateArray().Any(to => string.Equals(to.GetString(), recipient, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            await using var raw = await _api.GetStreamAsync($"api/messages/{summary.GetProperty("id").GetString()}/raw");
            using var copy = new MemoryStream();
            await raw.CopyToAsync(copy);
            copy.Position = 0;
            found.Add((summary.GetProperty("receivedDate").GetDateTimeOffset(), await MimeMessage.LoadAsync(copy)));
        }

        return found.OrderBy(f => f.Item1).Select(f => f.Item2).ToList();
    }

    /// <summary>Polls until a message whose subject contains <paramref name="subject"/> has arrived for the recipient.</summary>
    public async Task<MimeMessage> WaitForAsync(string recipient, string subject, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Mailbox.Deadline);
        while (true)
        {
            var found = (await MessagesToAsync(recipient)).Where(m => (m.Subject ?? string.Empty).Contains(subject, StringComparison.Ordinal)).ToList();
            if (found.Count > 0)
            {
                return found[^1];
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"no '{subject}' mail to {recipient} reached smtp4dev in time");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        _api.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // exited meanwhile
        }

        _process.Dispose();
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "dotnet-tools.json")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("dotnet-tools.json not found above the test output");
    }
}
