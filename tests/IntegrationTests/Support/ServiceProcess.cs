using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DoubleDibz.IntegrationTests.Support;

/// <summary>
/// The built service (<c>DoubleDibz.WebApi.dll</c>) run as its own process, the way an operator starts it, on an
/// ephemeral port at 127.0.0.1. Environment variables given are set; the caller's ASP.NET settings are not inherited.
/// It runs in Production, except that cookies follow the request's scheme (<c>Cookies__Secure=SameAsRequest</c>,
/// unless given): the tests speak plain HTTP, over which a client does not send <c>Secure</c> cookies back.
/// </summary>
public sealed partial class ServiceProcess : IDisposable
{
    private readonly Process _process;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private ServiceProcess(Process process, Uri address, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    private readonly SemaphoreSlim _lineArrived = new(0);

    /// <summary>Every line the service has written to its standard output so far (its console log).</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>The first output line that matches, waiting for it to be written (the console log is asynchronous).</summary>
    public async Task<string?> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            if (_output.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            try
            {
                await _lineArrived.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public static async Task<ServiceProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = StartInfo(workingDirectory, environment);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            var service = new ServiceProcess(process, await ListeningAddressAsync(process, output, TimeSpan.FromSeconds(60)), output);
            _ = service.KeepReadingAsync(); // and keep draining, so the pipe never fills
            return service;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebApiAssembly());
        foreach (var variable in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ConnectionStrings__Default", "ASPNETCORE_URLS" })
        {
            start.Environment.Remove(variable);
        }

        start.Environment["Cookies__Secure"] = "SameAsRequest";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>A line of <c>/proc/&lt;pid&gt;/status</c> in MiB, e.g. <c>VmHWM</c> (peak resident memory).</summary>
    public double MemoryMiB(string field)
    {
        var line = File.ReadLines($"/proc/{Id}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var kib = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>Runs the service executable with <paramref name="args"/> (an admin command) to completion.</summary>
    public static Task<CommandRun> RunCommandAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunToEndAsync(StartInfo(workingDirectory, environment), args);

    /// <summary>Like <see cref="RunCommandAsync"/>, writing <paramref name="standardInput"/> to the command's standard input.</summary>
    public static Task<CommandRun> RunCommandWithInputAsync(
        string workingDirectory, IReadOnlyDictionary<string, string>? environment, string standardInput, params string[] args) =>
        RunToEndAsync(StartInfo(workingDirectory, environment), args, standardInput);

    /// <summary>Runs another built program of this repository (e.g. the benchmarks) to completion.</summary>
    public static Task<CommandRun> RunProgramAsync(string assembly, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        return RunToEndAsync(start, args);
    }

    private static async Task<CommandRun> RunToEndAsync(ProcessStartInfo start, string[] args, string? standardInput = null)
    {
        args.ToList().ForEach(start.ArgumentList.Add);
        start.RedirectStandardInput = standardInput is not null;
        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return new CommandRun(process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }

    public static string WebApiAssembly() => BuildOutput("src/WebApi", "DoubleDibz.WebApi.dll");

    /// <summary>A project's build output in this repository, in the configuration and framework the tests were built in.</summary>
    public static string BuildOutput(string projectFolder, string fileName)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory); // tests/IntegrationTests/bin/<Config>/<tfm>/
        var configuration = testOutput.Parent!.Name;
        var framework = testOutput.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DoubleDibz.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, projectFolder, "bin", configuration, framework, fileName);
        Assert.That(File.Exists(path), Is.True, $"build the solution first: {path} is missing");
        return path;
    }

    private static async Task<Uri> ListeningAddressAsync(Process service, System.Collections.Concurrent.ConcurrentQueue<string> output, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await service.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            output.Enqueue(line);
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                return new Uri(match.Groups[1].Value);
            }
        }

        await service.WaitForExitAsync(cancel.Token);
        throw new InvalidOperationException(
            $"The service exited (code {service.ExitCode}) before it listened; its last lines:\n{string.Join('\n', output.TakeLast(30))}");
    }

    private async Task KeepReadingAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            _output.Enqueue(line);
            _lineArrived.Release();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}

/// <summary>What an admin command did: its exit code and what it printed.</summary>
public sealed record CommandRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
