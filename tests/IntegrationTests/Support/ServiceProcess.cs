using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DoubleDibz.IntegrationTests.Support;

/// <summary>
/// The built service (<c>DoubleDibz.WebApi.dll</c>) run as its own process, the way an operator starts it, on an
/// ephemeral port at 127.0.0.1. Environment variables given are set; the caller's ASP.NET settings are not inherited.
/// </summary>
public sealed partial class ServiceProcess : IDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public static async Task<ServiceProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebApiAssembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var variable in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ConnectionStrings__Default", "ASPNETCORE_URLS" })
        {
            start.Environment.Remove(variable);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        try
        {
            return new ServiceProcess(process, await ListeningAddressAsync(process, TimeSpan.FromSeconds(60)));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>A line of <c>/proc/&lt;pid&gt;/status</c> in MiB, e.g. <c>VmHWM</c> (peak resident memory).</summary>
    public double MemoryMiB(string field)
    {
        var line = File.ReadLines($"/proc/{Id}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var kib = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>The web project's build output, next to this repository's other projects, in the same configuration.</summary>
    public static string WebApiAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory); // tests/IntegrationTests/bin/<Config>/<tfm>/
        var configuration = testOutput.Parent!.Name;
        var framework = testOutput.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DoubleDibz.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, "src", "WebApi", "bin", configuration, framework, "DoubleDibz.WebApi.dll");
        Assert.That(File.Exists(path), Is.True, $"build the solution first: {path} is missing");
        return path;
    }

    private static async Task<Uri> ListeningAddressAsync(Process service, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await service.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                _ = service.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep draining so the pipe never fills
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"The service exited (code {service.ExitCode}) before it listened.");
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
