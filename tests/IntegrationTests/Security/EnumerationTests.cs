using System.Diagnostics;
using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Security;

/// <summary>An unknown login and a wrong password must be indistinguishable: same status, same body, same time.</summary>
public class EnumerationTests
{
    private const int Rounds = 15;
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

        // Interleaved, so drift in machine load hits both sides alike; medians, so one stall does not decide.
        var wrongPassword = new List<double>();
        var unknownLogin = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            wrongPassword.Add(await TimeAsync(() => client.LoginAsync(_user.UserName, "not the password")));
            unknownLogin.Add(await TimeAsync(() => client.LoginAsync($"nobody{i}", "not the password")));
        }

        var ratio = Median(unknownLogin) / Median(wrongPassword);
        Assert.That(ratio, Is.InRange(0.8, 1.25), $"unknown {Median(unknownLogin):0.0} ms vs wrong password {Median(wrongPassword):0.0} ms");
    }

    private static async Task<double> TimeAsync(Func<Task<ApiResponse>> login)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await login();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Assert.That(response.ErrorType, Is.EqualTo("Wrong Authentication"));
        return elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
