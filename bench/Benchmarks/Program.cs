using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using DoubleDibz.Infrastructure.Passwords;
using Microsoft.Extensions.Options;

// --hash-time [n]: the product hasher's single-thread time per hash (median of n, default 20), for the load
//   script's ceiling "cores / hash time". Anything else goes to BenchmarkDotNet (e.g. --filter '*' --job Short).
// Both hasher modes use the engine the service would: the environment variable PasswordHashing__Engine
//   (Konscious when unset), so bench/run.sh measures the same engine as the service it starts.
// --allow-debug: let BenchmarkDotNet run a Debug build (the CI smoke run: --job Dry --inProcess).
if (args.Length > 0 && args[0] == "--hash-time")
{
    var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
    using var hasher = new Argon2idPasswordHasher(Options.Create(new Argon2Options()), ConfiguredEngine());
    await hasher.HashAsync("warm up", CancellationToken.None);
    var times = new List<double>();
    for (var i = 0; i < rounds; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await hasher.HashAsync("violet tractor sings", CancellationToken.None);
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine(System.FormattableString.Invariant($"hash_ms_median={times[times.Count / 2]:0.0} hash_ms_min={times[0]:0.0} rounds={rounds} engine={EngineName()}"));
    return 0;
}

// --hash-throughput [seconds] [callers]: hashes per second through the product hasher with its default lanes, from
//   many concurrent callers (default 5 s, 8 callers): what login can reach with nothing else in the process; and the
//   process's peak resident memory (VmHWM, Linux only), to see what the hashing memory costs.
if (args.Length > 0 && args[0] == "--hash-throughput")
{
    var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
    var callers = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 8;
    using var hasher = new Argon2idPasswordHasher(Options.Create(new Argon2Options()), ConfiguredEngine());
    await hasher.HashAsync("warm up", CancellationToken.None);
    var done = 0;
    var gen2Before = GC.CollectionCount(2);
    var pausedBefore = GC.GetTotalPauseDuration();
    var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
    var started = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
    {
        while (Stopwatch.GetTimestamp() < until)
        {
            await hasher.HashAsync("violet tractor sings", CancellationToken.None);
            Interlocked.Increment(ref done);
        }
    }));
    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
    Console.WriteLine(System.FormattableString.Invariant($"hashes_per_s={done / elapsed:0.0} lanes={new Argon2Options().MaxConcurrentHashes} callers={callers} engine={EngineName()} peak_rss_mib={PeakRssMiB()} gen2={GC.CollectionCount(2) - gen2Before} gc_pause_ms={(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:0}"));
    return 0;
}

var config = DefaultConfig.Instance;
if (args.Contains("--allow-debug"))
{
    config = config.WithOptions(ConfigOptions.DisableOptimizationsValidator);
    args = args.Where(a => a != "--allow-debug").ToArray();
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

static string EngineName() => Argon2Engines.Recognize(Environment.GetEnvironmentVariable("PasswordHashing__Engine"))
    ?? throw Argon2Engines.UnknownEngine(Environment.GetEnvironmentVariable("PasswordHashing__Engine"));

static IArgon2Engine ConfiguredEngine() => Argon2Engines.Create(EngineName());

static string PeakRssMiB() =>
    File.Exists("/proc/self/status")
        ? File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => (long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault() ?? "?"
        : "?";
