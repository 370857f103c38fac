using System.Net;
using System.Text.Json;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Operations;

/// <summary>
/// Metrics are collected always and served only on the management port (<c>Metrics:Port</c>), never on the public
/// one. The fixture's service has a management port.
/// </summary>
public class ObservabilityTests : ApiTest
{
    private readonly int _managementPort = FreeTcpPort.Next();

    protected override IReadOnlyDictionary<string, string?> HostSettings =>
        new Dictionary<string, string?> { ["Metrics:Port"] = _managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Test]
    public async Task The_management_port_serves_the_services_metrics_for_prometheus()
    {
        var user = await SignedUpUserAsync();
        using var other = Host.NewClient();
        await other.LoginAsync(user.UserName, "not the password");
        await other.LoginAsync(user.UserName, user.Password);

        var scrape = await ScrapeAsync();

        Assert.That(scrape.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(scrape.Body, Does.Contain("doubledibz_signups_total"));
        Assert.That(scrape.Body, Does.Match(@"doubledibz_logins_total\{[^}]*outcome=""failure""[^}]*\} [1-9]"));
        Assert.That(scrape.Body, Does.Match(@"doubledibz_logins_total\{[^}]*outcome=""success""[^}]*\} [1-9]"));
        Assert.That(scrape.Body, Does.Contain("doubledibz_password_hash_duration_seconds_bucket"));
        Assert.That(scrape.Body, Does.Match(@"doubledibz_sessions_active(\{[^}]*\})? [1-9]"));
    }

    [Test]
    public async Task The_login_counter_does_not_tell_an_unknown_login_from_a_wrong_password()
    {
        var user = await SignedUpUserAsync();
        using var other = Host.NewClient();
        await other.LoginAsync(user.UserName, "not the password");
        await other.LoginAsync("nobody-at-all", "not the password");

        var scrape = await ScrapeAsync();

        Assert.That(scrape.Body, Does.Contain("doubledibz_logins_total"));
        Assert.That(scrape.Body, Does.Not.Contain("unknown_login").And.Not.Contain("wrong_password"));
    }

    [Test]
    public async Task Metrics_are_not_served_on_the_public_port()
    {
        await SignedUpUserAsync();

        var response = await Client.GetAsync("/metrics");

        Assert.That(response.Body, Does.Not.Contain("doubledibz_").And.Not.Contain("# TYPE"));
        Assert.That(response.ContentHeaders.ContentType?.MediaType, Is.EqualTo("text/html"), "it falls through to the page, like any other path");
    }

    [Test]
    public async Task A_host_header_naming_the_management_port_does_not_open_metrics_on_the_public_port()
    {
        await SignedUpUserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = $"127.0.0.1:{_managementPort}";

        var response = await Client.SendAsync(request);

        Assert.That(response.Body, Does.Not.Contain("doubledibz_"));
    }

    [Test]
    public async Task The_management_port_serves_nothing_but_metrics()
    {
        using var management = new ApiClient(Host.ManagementAddress!);

        var response = await management.GetAsync("/api/auth/csrf");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Without_a_management_port_metrics_are_served_nowhere()
    {
        using var host = new ApiHost();
        using var client = host.NewClient();

        var response = await client.GetAsync("/metrics");

        Assert.That(response.Body, Does.Not.Contain("doubledibz_"));
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

        var scrape = await ScrapeAsync();

        Assert.That(scrape.Body, Does.Match(@"doubledibz_throttled_total\{[^}]*reason=""login_backoff""[^}]*\} [1-9]"));
    }

    [Test]
    public async Task The_metrics_can_be_switched_off()
    {
        var port = FreeTcpPort.Next();
        using var host = new ApiHost(settings: new Dictionary<string, string?>
        {
            ["Metrics:Enabled"] = "false",
            ["Metrics:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = new ApiClient(host.ManagementAddress!);

        var response = await client.GetAsync("/metrics");

        Assert.That(response.Body, Does.Not.Contain("doubledibz_"));
    }

    [Test]
    public async Task The_service_process_opens_its_management_port_beside_the_addresses_it_was_given()
    {
        var folder = Directory.CreateTempSubdirectory("doubledibz-metrics-").FullName;
        var port = FreeTcpPort.Next();
        try
        {
            using var service = await ServiceProcess.StartAsync(folder, new Dictionary<string, string> { ["Metrics__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            using var management = new ApiClient(new Uri($"http://127.0.0.1:{port}"));
            using var visitor = new ApiClient(service.Address);

            var scrape = await management.GetAsync("/metrics");
            var onPublicPort = await visitor.GetAsync("/metrics");

            Assert.That(scrape.Body, Does.Contain("# TYPE"));
            Assert.That(onPublicPort.Body, Does.Not.Contain("# TYPE"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
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

    private async Task<ApiResponse> ScrapeAsync()
    {
        using var scraper = new ApiClient(Host.ManagementAddress!);
        return await scraper.GetAsync("/metrics");
    }
}
