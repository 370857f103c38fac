using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Http;

public class CorrelationIdTests : ApiTest
{
    [Test]
    public async Task Every_response_carries_a_correlation_id()
    {
        var response = await Client.VerifyAuthAsync();

        Assert.That(response.Headers.GetValues("X-Correlation-Id").Single(), Is.Not.Empty);
    }

    [Test]
    public async Task A_callers_correlation_id_is_kept()
    {
        Client.AddHeader("X-Correlation-Id", "edge-1234_abc");

        var response = await Client.GetAsync("/healthz");

        Assert.That(response.Headers.GetValues("X-Correlation-Id").Single(), Is.EqualTo("edge-1234_abc"));
    }

    [Test]
    public async Task A_correlation_id_that_could_forge_log_lines_is_replaced()
    {
        Client.AddHeader("X-Correlation-Id", "abc def");

        var response = await Client.GetAsync("/healthz");

        Assert.That(response.Headers.GetValues("X-Correlation-Id").Single(), Is.Not.EqualTo("abc def").And.Not.Empty);
    }
}
