using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Auth;

public class VerifyAuthTests : ApiTest
{
    [Test]
    public async Task VerifyAuth_when_not_signed_in_returns_the_contracts_401_body()
    {
        var response = await Client.VerifyAuthAsync();

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Body, Is.EqualTo(ApiResponse.NotAuthorizedBody));
    }

    [Test]
    public async Task VerifyAuth_when_signed_in_returns_the_user()
    {
        var form = await SignedUpUserAsync();

        var response = await Client.VerifyAuthAsync();

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Json.GetProperty("success").GetBoolean(), Is.True);
        Assert.That(response.Json.GetProperty("data").GetProperty("user_name").GetString(), Is.EqualTo(form.UserName));
    }

    // The outbox sender polls only when woken (and hourly), so no poll lands among the counted commands.
    protected override IReadOnlyDictionary<string, string?>? HostSettings => new Dictionary<string, string?> { ["Email:Outbox:PollInterval"] = "01:00:00" };

    [Test]
    public async Task VerifyAuth_with_a_forged_cookie_returns_401()
    {
        Client.Cookies.Add(Client.BaseAddress, new Cookie("dd_session", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        var response = await Client.VerifyAuthAsync();

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
