using System.Net;
using System.Text.Json;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Operations;

public class ObservabilityTests : ApiTest
{
    [Test]
    public async Task Metrics_are_exposed_for_prometheus_with_the_services_counters()
    {
        var user = await SignedUpUserAsync();
        using var other = Host.NewClient();
        await other.LoginAsync(user.UserName, "not the password");
        await other.LoginAsync(user.UserName, user.Password);

        var scrape = await Client.GetAsync("/metrics");

        Assert.That(scrape.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(scrape.Body, Does.Contain("doubledibz_signups_total"));
        Assert.That(scrape.Body, Does.Match(@"doubledibz_logins_total\{[^}]*outcome=""wrong_password""[^}]*\} [1-9]"));
        Assert.That(scrape.Body, Does.Match(@"doubledibz_logins_total\{[^}]*outcome=""success""[^}]*\} [1-9]"));
        Assert.That(scrape.Body, Does.Contain("doubledibz_password_hash_duration_seconds_bucket"));
        Assert.That(scrape.Body, Does.Match(@"doubledibz_sessions_active(\{[^}]*\})? [1-9]"));
    }

    [Test]
    public async Task Throttled_logins_are_counted_by_reason()
    {
        var user = await SignedUpUserAsync();
        using var attacker = Host.NewClient();
        for (var i = 0; i < 6; i++)
        {
            await attacker.LoginAsync(user.UserName, "not the password");
        }

        var scrape = await Client.GetAsync("/metrics");

        Assert.That(scrape.Body, Does.Match(@"doubledibz_throttled_total\{[^}]*reason=""login_backoff""[^}]*\} [1-9]"));
    }

    [Test]
    public async Task The_metrics_endpoint_can_be_switched_off()
    {
        using var host = new ApiHost(settings: new Dictionary<string, string?> { ["Metrics:Enabled"] = "false" });
        using var client = host.NewClient();

        var response = await client.GetAsync("/metrics");

        Assert.That(response.Body, Does.Not.Contain("doubledibz_"));
    }

    [Test]
    public async Task In_production_the_console_log_is_json_lines_carrying_the_correlation_id()
    {
        var folder = Directory.CreateTempSubdirectory("doubledibz-logs-").FullName;
        try
        {
            using (var service = await ServiceProcess.StartAsync(folder))
            {
                using var client = new ApiClient(service.Address);
                client.AddHeader("X-Correlation-Id", "json-log-check");
                await client.LoginAsync("nobody", "some password");

                var line = await service.WaitForLineAsync(l => l.Contains("json-log-check", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
                Assert.That(line, Is.Not.Null, string.Join('\n', service.Output));
                using var entry = JsonDocument.Parse(line!);
                Assert.That(entry.RootElement.GetProperty("Category").GetString(), Is.Not.Empty);
                Assert.That(entry.RootElement.GetProperty("Scopes").EnumerateArray().Any(scope =>
                    scope.TryGetProperty("CorrelationId", out var id) && id.GetString() == "json-log-check"), Is.True, line);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
