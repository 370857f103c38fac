using System.Net;
using System.Text.Json;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Account;

public class SessionListTests : ApiTest
{
    [Test]
    public async Task The_list_shows_every_live_session_newest_first_with_the_current_one_marked()
    {
        var form = await SignedUpUserAsync();
        using var phone = Host.NewClient();
        phone.AddHeader("User-Agent", "PhoneBrowser/1.0");
        await phone.LoginAsync(form.UserName, form.Password, rememberMe: true);

        var response = await Client.SessionsAsync();

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        var sessions = Sessions(response);
        Assert.That(sessions, Has.Length.EqualTo(2));
        Assert.That(sessions.Select(s => s.GetProperty("current").GetBoolean()), Is.EqualTo(new[] { false, true }));
        Assert.That(sessions[0].GetProperty("user_agent").GetString(), Is.EqualTo("PhoneBrowser/1.0"));
        Assert.That(sessions[0].GetProperty("remember_me").GetBoolean(), Is.True);
        Assert.That(sessions[1].GetProperty("remember_me").GetBoolean(), Is.False);
        Assert.That(sessions[0].GetProperty("ip").GetString(), Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task Each_session_has_exactly_the_contracts_fields_with_utc_times()
    {
        await SignedUpUserAsync();

        var session = Sessions(await Client.SessionsAsync()).Single();

        Assert.That(session.EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(new[] { "id", "created_at", "last_seen_at", "expires_at", "remember_me", "user_agent", "ip", "current" }));
        foreach (var time in new[] { "created_at", "last_seen_at", "expires_at" })
        {
            Assert.That(session.GetProperty(time).GetString(), Does.EndWith("Z"), time);
        }

        Assert.That(session.GetProperty("expires_at").GetDateTime(), Is.GreaterThan(session.GetProperty("created_at").GetDateTime()));
    }

    [Test]
    public async Task A_sessions_id_is_neither_its_cookie_nor_in_it()
    {
        await SignedUpUserAsync();

        var id = Sessions(await Client.SessionsAsync()).Single().GetProperty("id").GetString()!;

        Assert.That(Client.SessionCookie, Does.Not.Contain(id).And.Not.Contain(id.Replace("-", "", StringComparison.Ordinal)));
    }

    [Test]
    public async Task A_long_user_agent_is_trimmed_to_200_characters()
    {
        using var browser = Host.NewClient();
        browser.AddHeader("User-Agent", "Agent/" + new string('x', 500));
        await SignedUpUserAsync(browser);

        var agent = Sessions(await browser.SessionsAsync()).Single().GetProperty("user_agent").GetString()!;

        Assert.That(agent, Has.Length.EqualTo(200));
    }

    [Test]
    public async Task Another_users_sessions_are_never_listed()
    {
        await SignedUpUserAsync();
        using var stranger = Host.NewClient();
        await SignedUpUserAsync(stranger);

        Assert.That(Sessions(await Client.SessionsAsync()), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task The_list_without_a_session_returns_401()
    {
        var response = await Client.SessionsAsync();

        Assert.That(response.Body, Is.EqualTo(ApiResponse.NotAuthorizedBody));
    }

    internal static JsonElement[] Sessions(ApiResponse response) =>
        response.Json.GetProperty("data").GetProperty("sessions").EnumerateArray().ToArray();
}
