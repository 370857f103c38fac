using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Security;

/// <summary>
/// Far more concurrent logins than the hasher admits (2 running + 16 queued on this 2-core machine), against the
/// service as its own process, so its memory can be read from <c>/proc</c>. Excess logins must be refused quickly
/// with 503, memory must stay bounded, and a signed-in user must keep being answered meanwhile.
/// </summary>
public class HashingFloodTests
{
    private const int Connections = 200;
    private const int LoginsPerConnection = 4;

    /// <summary>
    /// The bound on the service's peak resident memory (VmHWM), Debug build as tests run it. Before the flood it
    /// is about 155 MiB (most of it mapped assemblies); with hashing bounded and each dead Argon2 matrix
    /// reclaimed the flood peaks near 250 MiB. An unbounded queue, or matrices left to the GC, took 350-500 MiB.
    /// </summary>
    private const double PeakMemoryBoundMiB = 300;

    private double _peakBeforeFlood;
    private string _folder = null!;
    private ServiceProcess _service = null!;
    private readonly ConcurrentBag<HttpStatusCode> _floodStatuses = [];
    private readonly ConcurrentBag<string?> _retryAfters = [];
    private readonly List<(HttpStatusCode Status, double Ms)> _verifies = [];

    [OneTimeSetUp]
    public async Task Flood()
    {
        _folder = Directory.CreateTempSubdirectory("doubledibz-flood-").FullName;
        _service = await ServiceProcess.StartAsync(_folder, new Dictionary<string, string> { ["RateLimiting__Enabled"] = "false" });

        using var member = new ApiClient(_service.Address);
        Assert.That((await member.SignupAsync(SignupForm.Valid())).Status, Is.EqualTo(HttpStatusCode.Created));
        _peakBeforeFlood = _service.MemoryMiB("VmHWM");
        using var attacker = new ApiClient(_service.Address);
        await attacker.CsrfTokenAsync();

        using var flooding = new CancellationTokenSource();
        var verifier = Task.Run(async () =>
        {
            while (!flooding.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var response = await member.VerifyAuthAsync();
                _verifies.Add((response.Status, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }
        });

        var flood = Enumerable.Range(0, Connections).Select(connection => Task.Run(async () =>
        {
            for (var i = 0; i < LoginsPerConnection; i++)
            {
                // A different unknown login each time: every attempt reaches the hasher (no per-account back-off).
                var response = await attacker.LoginAsync($"flood{connection}x{i}", "some guessed password");
                _floodStatuses.Add(response.Status);
                if (response.Status == HttpStatusCode.ServiceUnavailable)
                {
                    _retryAfters.Add(response.Headers.RetryAfter?.ToString());
                }
            }
        }));
        await Task.WhenAll(flood);
        await flooding.CancelAsync();
        await verifier;
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _service.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void No_login_in_the_flood_gets_a_500_only_wrong_authentication_or_503()
    {
        Assert.That(_floodStatuses, Has.Count.EqualTo(Connections * LoginsPerConnection));
        Assert.That(_floodStatuses, Is.All.AnyOf(HttpStatusCode.UnprocessableEntity, HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public void Logins_beyond_the_hashers_queue_are_refused_with_503_and_Retry_After()
    {
        Assert.That(_floodStatuses, Has.Some.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(_retryAfters, Is.All.Not.Null.And.Not.Empty);
    }

    [Test]
    public void Logins_within_the_bound_are_still_checked()
    {
        Assert.That(_floodStatuses, Has.Some.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public void The_service_peak_memory_stays_under_the_bound()
    {
        var peak = _service.MemoryMiB("VmHWM");
        TestContext.Out.WriteLine($"peak RSS {peak:0} MiB; before the flood {_peakBeforeFlood:0} MiB; statuses {string.Join(",", _floodStatuses.GroupBy(x => x).Select(g => $"{g.Key}:{g.Count()}"))}");
        Assert.That(peak, Is.LessThan(PeakMemoryBoundMiB));
    }

    [Test]
    public void A_signed_in_user_keeps_being_answered_during_the_flood()
    {
        Assert.That(_verifies, Has.Count.GreaterThan(10));
        Assert.That(_verifies.Select(v => v.Status), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(_verifies.Max(v => v.Ms), Is.LessThan(5000), "a generous bound: verify_auth never waits for the hasher");
    }
}
