using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Operations;

/// <summary>
/// The BenchmarkDotNet project (bench/Benchmarks) in its shortest job, so the benchmarks keep compiling and running.
/// It measures nothing worth reading (Debug build, one iteration); docs/performance.md has the real runs.
/// </summary>
public class BenchmarkSmokeTests
{
    [Test]
    public async Task Every_benchmark_runs_once_in_the_dry_job()
    {
        var folder = Directory.CreateTempSubdirectory("doubledibz-bench-").FullName;
        try
        {
            var run = await ServiceProcess.RunProgramAsync(
                ServiceProcess.BuildOutput("bench/Benchmarks", "DoubleDibz.Benchmarks.dll"), folder,
                "--filter", "*", "--job", "Dry", "--inProcess", "--allow-debug");

            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain("hasher: HashAsync").And.Contain("hasher: VerifyAsync").And.Contain("Konscious: GetBytesAsync")
                .And.Contain("through the mediator")
                .And.Contain("hasher+libsodium: HashAsync").And.Contain("libsodium: DeriveKey"));
            Assert.That(run.Output, Does.Contain("executed benchmarks: 9"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
