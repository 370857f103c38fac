using System.Collections.Concurrent;
using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Scale;

/// <summary>
/// The PostgreSQL server is stopped (<c>pg_ctl stop -m fast</c>) in the middle of a signup load and started again:
/// meanwhile the service answers 503 with <c>Retry-After</c>, never 500, logs the outage in a few lines rather than
/// one per request, and afterwards serves again by itself with every acknowledged signup still there. Its own
/// server, so that stopping it disturbs no other test.
/// </summary>
public class PostgresOutageTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Stopping_the_database_mid_load_gives_503s_not_500s_and_loses_no_acknowledged_signup()
    {
        using var postgres = await PostgresServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("doubledibz-outage-").FullName;
        try
        {
            using var service = await ServiceProcess.StartAsync(folder, new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Default"] = await postgres.CreateDatabaseAsync(),
                ["RateLimiting__Enabled"] = "false",
            });
            using var watcher = new ApiClient(service.Address);
            Assert.That((await watcher.SignupAsync(SignupForm.Valid())).Status, Is.EqualTo(HttpStatusCode.Created));
            var load = new SignupLoad(service.Address);
            load.Start(workers: 4);

            await load.WaitForAsync(l => l.Acknowledged.Count >= 8, Deadline, "signups before the outage");
            await postgres.StopAsync();
            var acknowledgedBeforeOutageEnds = load.Acknowledged.Count;
            await load.WaitForAsync(l => l.Unavailable >= 20, Deadline, "503s during the outage");
            var signedInDuringOutage = await watcher.VerifyAuthAsync();
            using var probe = new ApiClient(service.Address);
            var readyDuringOutage = await probe.GetAsync("/readyz");
            await postgres.StartAgainAsync();
            await load.WaitForAsync(l => l.Acknowledged.Count >= acknowledgedBeforeOutageEnds + 8, Deadline, "signups after the restart");
            await load.StopAsync();

            Assert.That(load.Others, Is.Empty, "no answer but 201 or 503 with Retry-After");
            Assert.That(signedInDuringOutage.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), signedInDuringOutage.ToString());
            Assert.That(readyDuringOutage.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(await NotLoggingInAsync(service.Address, load.Acknowledged), Is.Empty);
            var errorLines = service.Output.Count(line => line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal));
            Assert.That(errorLines, Is.LessThanOrEqualTo(5), $"{load.Unavailable} refusals should be a few lines:\n{string.Join('\n', service.Output.Where(l => l.Contains("\"Error\"", StringComparison.Ordinal)).Take(5))}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<string>> NotLoggingInAsync(Uri address, IEnumerable<SignupForm> acknowledged)
    {
        var failures = new List<string>();
        foreach (var form in acknowledged)
        {
            using var client = new ApiClient(address);
            var login = await client.LoginAsync(form.UserName, form.Password);
            if (login.Status != HttpStatusCode.OK)
            {
                failures.Add($"{form.UserName}: {login}");
            }
        }

        return failures;
    }

    /// <summary>Workers signing up new visitors in a loop until stopped, sorting the answers.</summary>
    private sealed class SignupLoad(Uri address)
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly SemaphoreSlim _answered = new(0);
        private readonly List<Task> _workers = [];
        private int _unavailable;

        public ConcurrentBag<SignupForm> Acknowledged { get; } = [];

        public ConcurrentBag<string> Others { get; } = [];

        public int Unavailable => Volatile.Read(ref _unavailable);

        public void Start(int workers)
        {
            for (var i = 0; i < workers; i++)
            {
                _workers.Add(Task.Run(RunAsync));
            }
        }

        /// <summary>Waits, answer by answer, until <paramref name="condition"/> holds; fails the test at the deadline.</summary>
        public async Task WaitForAsync(Func<SignupLoad, bool> condition, TimeSpan deadline, string what)
        {
            using var timeout = new CancellationTokenSource(deadline);
            while (!condition(this))
            {
                try
                {
                    await _answered.WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail($"no {what} within {deadline}: {Acknowledged.Count} acknowledged, {Unavailable} unavailable, others: {string.Join("; ", Others.Take(3))}");
                }
            }
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_workers);
            _stop.Dispose();
        }

        private async Task RunAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = new ApiClient(address); // a new visitor each time: a signed-in one would be "already signed up"
                var form = SignupForm.Valid();
                var response = await client.SignupAsync(form);
                if (response.Status == HttpStatusCode.Created)
                {
                    Acknowledged.Add(form);
                }
                else if (response.Status == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter?.Delta > TimeSpan.Zero)
                {
                    Interlocked.Increment(ref _unavailable);
                }
                else
                {
                    Others.Add(response.ToString());
                }

                _answered.Release();
            }
        }
    }
}
