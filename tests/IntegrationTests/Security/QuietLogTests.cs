using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Security;

/// <summary>
/// A flood of refusals from one client writes a line or two, not one per request: the audit events an attacker can
/// repeat at will (1006 CsrfRejected, 1007 RateLimited) are logged at most once per client and minute, with a count.
/// Each test has its own service, so no other test's refusals share its window.
/// </summary>
public class QuietLogTests
{
    private const int CsrfRejected = 1006;
    private const int RateLimited = 1007;

    [Test]
    public async Task Fifty_csrf_refusals_from_one_client_write_at_most_a_couple_of_audit_lines()
    {
        using var host = new ApiHost();
        using var client = host.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
        {
            statuses.Add((await client.PostJsonAsync("/api/auth/logout", new { }, withCsrf: false)).Status);
        }

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(host.Logs.Entries.Count(e => e.EventId == CsrfRejected), Is.InRange(1, 2));
    }

    [Test]
    public async Task Fifty_rate_limit_refusals_from_one_client_write_at_most_a_couple_of_audit_lines()
    {
        using var host = new ApiHost(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Api:PermitLimit"] = "1",
            ["RateLimiting:Api:Window"] = "00:10:00",
        });
        using var client = host.NewClient();
        await client.VerifyAuthAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
        {
            statuses.Add((await client.VerifyAuthAsync()).Status);
        }

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(host.Logs.Entries.Count(e => e.EventId == RateLimited), Is.InRange(1, 2));
    }
}
