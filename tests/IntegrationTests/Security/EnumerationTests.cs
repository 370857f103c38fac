using System.Diagnostics;
using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Security;

/// <summary>An unknown login and a wrong password must be indistinguishable: same status, same body, same time.</summary>
public class EnumerationTests
{
    private const int Pairs = 24;
    private ApiHost _host = null!;
    private SignupForm _user = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        // Back-off would answer 429 after five failures; here every attempt must reach the password check.
        _host = new ApiHost(settings: new Dictionary<string, string?> { ["LoginBackoff:FreeFailures"] = "1000" });
        using var client = _host.NewClient();
        _user = SignupForm.Valid();
        await client.SignupAsync(_user);
    }

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    [Test]
    public async Task Unknown_login_and_wrong_password_get_the_same_status_and_the_same_body()
    {
        using var client = _host.NewClient();

        var wrongPassword = await client.LoginAsync(_user.UserName, "not the password");
        var unknownLogin = await client.LoginAsync("nobodyatall", "not the password");

        Assert.That(unknownLogin.Status, Is.EqualTo(wrongPassword.Status).And.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(unknownLogin.Body, Is.EqualTo(wrongPassword.Body));
    }

    [Test]
    public async Task Unknown_login_and_wrong_password_take_the_same_time()
    {
        using var client = _host.NewClient();
        await client.CsrfTokenAsync();
        await client.LoginAsync("warmup", "not the password");
        await client.LoginAsync(_user.UserName, "not the password");

        // Pairs, alternating which kind goes first, so drift in machine load hits both sides alike.
        var wrongPassword = new List<double>();
        var unknownLogin = new List<double>();
        for (var i = 0; i < Pairs; i++)
        {
            var wrong = () => TimeAsync(() => client.LoginAsync(_user.UserName, "not the password"));
            var unknown = () => TimeAsync(() => client.LoginAsync($"nobody{i}", "not the password"));
            if (i % 2 == 0)
            {
                wrongPassword.Add(await wrong());
                unknownLogin.Add(await unknown());
            }
            else
            {
                unknownLogin.Add(await unknown());
                wrongPassword.Add(await wrong());
            }
        }

        var comparison = TimingComparison.Of(wrongPassword, unknownLogin);
        Assert.That(comparison.Indistinguishable, Is.True, comparison.ToString());
    }

    [Test]
    public void The_timing_comparison_catches_an_unknown_login_that_skips_the_hash()
    {
        // Synthetic: a wrong password costs a ~100 ms hash; an unknown login that skipped it would take ~30 ms.
        var random = new Random(42);
        var wrongPassword = Enumerable.Range(0, Pairs).Select(_ => 100 + (random.NextDouble() * 20)).ToList();
        var skipsTheHash = Enumerable.Range(0, Pairs).Select(_ => 30 + (random.NextDouble() * 20)).ToList();
        var sameWork = Enumerable.Range(0, Pairs).Select(_ => 100 + (random.NextDouble() * 20)).ToList();

        Assert.That(TimingComparison.Of(wrongPassword, skipsTheHash).Indistinguishable, Is.False);
        Assert.That(TimingComparison.Of(wrongPassword, sameWork).Indistinguishable, Is.True);
    }

    private static async Task<double> TimeAsync(Func<Task<ApiResponse>> login)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await login();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Assert.That(response.ErrorType, Is.EqualTo("Wrong Authentication"));
        return elapsed;
    }

    /// <summary>
    /// Compares the median of the paired differences with a bound taken from the noise measured in the same run
    /// (three median absolute deviations of the wrong-password times), never tighter than a fifth of the typical
    /// time nor looser than half of it: loose enough for a busy 2-core machine, tight enough that an unknown login
    /// skipping the hash (most of the time of a login) cannot pass.
    /// </summary>
    private sealed record TimingComparison(double MedianWrong, double MedianUnknown, double MedianDifference, double Bound)
    {
        public bool Indistinguishable => Math.Abs(MedianDifference) <= Bound;

        public static TimingComparison Of(IReadOnlyList<double> wrongPassword, IReadOnlyList<double> unknownLogin)
        {
            var typical = Median(wrongPassword);
            var noise = Median(wrongPassword.Select(w => Math.Abs(w - typical)).ToList());
            var bound = Math.Clamp(3 * noise, 0.2 * typical, 0.5 * typical);
            var difference = Median(unknownLogin.Zip(wrongPassword, (u, w) => u - w).ToList());
            return new TimingComparison(typical, Median(unknownLogin), difference, bound);
        }

        public override string ToString() =>
            $"unknown {MedianUnknown:0.0} ms vs wrong password {MedianWrong:0.0} ms: paired median difference {MedianDifference:0.0} ms, bound {Bound:0.0} ms";

        private static double Median(IReadOnlyList<double> values)
        {
            var sorted = values.Order().ToList();
            return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
