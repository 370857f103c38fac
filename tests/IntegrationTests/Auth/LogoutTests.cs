using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Auth;

public class LogoutTests : ApiTest
{
    [Test]
    public async Task Logout_returns_200_and_ends_the_session()
    {
        await SignedUpUserAsync();

        var response = await Client.LogoutAsync();

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Message, Is.EqualTo("You have successfully logged out"));
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Logout_deletes_the_session_row()
    {
        var form = await SignedUpUserAsync();

        await Client.LogoutAsync();

        Assert.That(DatabaseProbe.SessionCountOf(Host.DatabaseFile, form.UserName), Is.Zero);
    }

    [Test]
    public async Task Replaying_the_cookie_after_logout_gets_401()
    {
        await SignedUpUserAsync();
        var oldCookie = Client.SessionCookie!;
        await Client.LogoutAsync();

        using var replay = Host.NewClient();
        replay.Cookies.Add(replay.BaseAddress, new Cookie("dd_session", oldCookie));
        var response = await replay.VerifyAuthAsync();

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Logout_when_not_signed_in_returns_401()
    {
        var response = await Client.LogoutAsync();

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Body, Is.EqualTo(ApiResponse.NotAuthorizedBody));
    }

    [Test]
    public async Task Logout_ends_only_that_session()
    {
        var form = await SignedUpUserAsync();
        using var otherDevice = Host.NewClient();
        await otherDevice.LoginAsync(form.UserName, form.Password);

        await Client.LogoutAsync();

        Assert.That((await otherDevice.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }
}
