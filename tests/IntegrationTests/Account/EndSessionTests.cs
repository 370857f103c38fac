using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Account;

public class EndSessionTests : ApiTest
{
    [Test]
    public async Task Ending_another_of_your_sessions_signs_it_out_and_keeps_yours()
    {
        var form = await SignedUpUserAsync();
        using var phone = Host.NewClient();
        await phone.LoginAsync(form.UserName, form.Password);
        var phoneId = OtherSessionId(await Client.SessionsAsync());

        var response = await Client.EndSessionAsync(phoneId);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        Assert.That(response.Message, Is.EqualTo("The session has been signed out"));
        Assert.That((await phone.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(DatabaseProbe.SessionCountOf(Host.DatabaseFile, form.UserName), Is.EqualTo(1));
    }

    [Test]
    public async Task Ending_your_own_session_is_a_logout()
    {
        await SignedUpUserAsync();
        var ownId = SessionListTests.Sessions(await Client.SessionsAsync()).Single().GetProperty("id").GetString()!;

        var response = await Client.EndSessionAsync(ownId);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.SetCookie("dd_session"), Does.Contain("expires=thu, 01 jan 1970"));
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Ending_someone_elses_session_returns_404_and_leaves_it_alone()
    {
        await SignedUpUserAsync();
        using var stranger = Host.NewClient();
        await SignedUpUserAsync(stranger);
        var strangersId = SessionListTests.Sessions(await stranger.SessionsAsync()).Single().GetProperty("id").GetString()!;

        var response = await Client.EndSessionAsync(strangersId);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.ErrorType, Is.EqualTo("Not Found"));
        Assert.That((await stranger.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("00000000-0000-0000-0000-000000000000")]
    [TestCase("not-a-session-id")]
    [TestCase("%C3%A9t%C3%A9")]
    public async Task Ending_a_session_that_does_not_exist_returns_404(string id)
    {
        await SignedUpUserAsync();

        var response = await Client.EndSessionAsync(id);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.NotFound), response.ToString());
        Assert.That(response.ErrorType, Is.EqualTo("Not Found"));
    }

    [Test]
    public async Task Ending_a_session_without_a_session_returns_401()
    {
        var response = await Client.EndSessionAsync(Guid.NewGuid().ToString());

        Assert.That(response.Body, Is.EqualTo(ApiResponse.NotAuthorizedBody));
    }

    [Test]
    public async Task Ending_a_session_without_a_csrf_token_returns_400()
    {
        await SignedUpUserAsync();
        var ownId = SessionListTests.Sessions(await Client.SessionsAsync()).Single().GetProperty("id").GetString()!;

        var response = await Client.SendJsonAsync(HttpMethod.Delete, $"/api/account/sessions/{ownId}", body: null, withCsrf: false);

        Assert.That(response.ErrorType, Is.EqualTo("CSRF error"));
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Signing_out_everywhere_else_ends_every_other_session_and_counts_them()
    {
        var form = await SignedUpUserAsync();
        using var phone = Host.NewClient();
        using var laptop = Host.NewClient();
        await phone.LoginAsync(form.UserName, form.Password);
        await laptop.LoginAsync(form.UserName, form.Password, rememberMe: true);

        var response = await Client.EndOtherSessionsAsync();

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        Assert.That(response.Message, Is.EqualTo("You have been signed out everywhere else"));
        Assert.That(response.Json.GetProperty("data").GetProperty("revoked").GetInt32(), Is.EqualTo(2));
        Assert.That((await phone.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await laptop.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(DatabaseProbe.SessionCountOf(Host.DatabaseFile, form.UserName), Is.EqualTo(1));
    }

    [Test]
    public async Task Signing_out_everywhere_else_with_no_other_session_revokes_none()
    {
        await SignedUpUserAsync();

        var response = await Client.EndOtherSessionsAsync();

        Assert.That(response.Json.GetProperty("data").GetProperty("revoked").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Signing_out_everywhere_else_without_a_session_returns_401()
    {
        var response = await Client.EndOtherSessionsAsync();

        Assert.That(response.Body, Is.EqualTo(ApiResponse.NotAuthorizedBody));
    }

    private static string OtherSessionId(ApiResponse list) =>
        SessionListTests.Sessions(list).Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("id").GetString()!;
}
