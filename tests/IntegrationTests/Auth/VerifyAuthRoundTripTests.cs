using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Auth;

public class VerifyAuthRoundTripTests : ApiTest
{
    // Before the host exists (fixture construction precedes its one-time set-up), so no pooled context ever
    // cached "nobody is listening".
    private readonly DatabaseCommandCounter _commands = new();

    [OneTimeTearDown]
    public void StopCounting() => _commands.Dispose();

    [Test]
    public async Task VerifyAuth_costs_one_database_round_trip_for_the_session_and_its_user()
    {
        await SignedUpUserAsync();
        var before = _commands.CountFor(Host.DatabaseFile);

        var response = await Client.VerifyAuthAsync();

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_commands.CountFor(Host.DatabaseFile) - before, Is.EqualTo(1));
    }
}
