using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Account;

public class ProfileTests : ApiTest
{
    [Test]
    public async Task Updating_both_names_returns_200_with_the_user_and_stores_them()
    {
        var form = await SignedUpUserAsync();

        var response = await Client.UpdateProfileAsync(new { first_name = " Samuel ", last_name = "Chuang-Li" });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        Assert.That(response.Message, Is.EqualTo("Your profile has been updated"));
        var user = response.Json.GetProperty("data");
        Assert.That((user.GetProperty("first_name").GetString(), user.GetProperty("last_name").GetString()), Is.EqualTo(("Samuel", "Chuang-Li")));
        Assert.That(DatabaseProbe.NamesOf(Host.DatabaseFile, form.UserName), Is.EqualTo(("Samuel", "Chuang-Li")));
    }

    [Test]
    public async Task A_name_left_out_stays_as_it_was()
    {
        var form = await SignedUpUserAsync();

        await Client.UpdateProfileAsync(new { last_name = "Li" });

        Assert.That(DatabaseProbe.NamesOf(Host.DatabaseFile, form.UserName), Is.EqualTo((form.FirstName, "Li")));
    }

    [Test]
    public async Task An_invalid_name_gets_the_signup_message_and_changes_nothing()
    {
        var form = await SignedUpUserAsync();

        var response = await Client.UpdateProfileAsync(new { first_name = "Samuel", last_name = "  " });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo("""{"last_name":["This field is required."]}"""));
        Assert.That(DatabaseProbe.NamesOf(Host.DatabaseFile, form.UserName), Is.EqualTo((form.FirstName, form.LastName)));
    }

    [Test]
    public async Task A_name_over_64_characters_is_refused()
    {
        await SignedUpUserAsync();

        var response = await Client.UpdateProfileAsync(new { first_name = new string('a', 65) });

        Assert.That(response.Error.GetProperty("message").GetProperty("first_name")[0].GetString(), Is.EqualTo("Must be at most 64 characters long"));
    }

    [Test]
    public async Task The_profile_accepts_a_form_body()
    {
        var form = await SignedUpUserAsync();
        var request = new HttpRequestMessage(HttpMethod.Patch, "/api/account")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["first_name"] = "Sammy", ["csrf_token"] = await Client.CsrfTokenAsync() }),
        };

        var response = await Client.SendAsync(request);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        Assert.That(DatabaseProbe.NamesOf(Host.DatabaseFile, form.UserName).FirstName, Is.EqualTo("Sammy"));
    }

    [Test]
    public async Task Updating_the_profile_without_a_session_returns_401_even_with_invalid_fields()
    {
        var response = await Client.UpdateProfileAsync(new { first_name = "" });

        Assert.That(response.Body, Is.EqualTo(ApiResponse.NotAuthorizedBody));
    }

    [Test]
    public async Task Verify_auth_shows_the_new_names()
    {
        await SignedUpUserAsync();

        await Client.UpdateProfileAsync(new { first_name = "Samuel" });

        Assert.That((await Client.VerifyAuthAsync()).Json.GetProperty("data").GetProperty("first_name").GetString(), Is.EqualTo("Samuel"));
    }
}
