using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Account;

public class DeleteAccountTests : ApiTest
{
    [Test]
    public async Task Deleting_the_account_returns_200_removes_the_user_and_signs_out()
    {
        var form = await SignedUpUserAsync();

        var response = await Client.DeleteAccountAsync(form.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        Assert.That(response.Message, Is.EqualTo("Your account has been deleted"));
        Assert.That(response.SetCookie("dd_session"), Does.Contain("expires=thu, 01 jan 1970"));
        Assert.That(DatabaseProbe.UserCountOf(Host.DatabaseFile, form.UserName), Is.Zero);
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Deleting_the_account_ends_every_session()
    {
        var form = await SignedUpUserAsync();
        using var phone = Host.NewClient();
        await phone.LoginAsync(form.UserName, form.Password, rememberMe: true);

        await Client.DeleteAccountAsync(form.Password);

        Assert.That((await phone.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(DatabaseProbe.SessionCountOf(Host.DatabaseFile, form.UserName), Is.Zero);
    }

    [Test]
    public async Task The_user_name_and_address_are_free_again()
    {
        var form = await SignedUpUserAsync();
        await Client.DeleteAccountAsync(form.Password);

        using var newcomer = Host.NewClient();
        var response = await newcomer.SignupAsync(form);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.ToString());
    }

    [Test]
    public async Task A_new_account_with_the_same_name_gets_a_new_id()
    {
        var form = await SignedUpUserAsync();
        var oldId = (await Client.VerifyAuthAsync()).Json.GetProperty("data").GetProperty("id").GetInt32();
        await Client.DeleteAccountAsync(form.Password);

        using var newcomer = Host.NewClient();
        var newId = (await newcomer.SignupAsync(form)).Json.GetProperty("data").GetProperty("id").GetInt32();

        Assert.That(newId, Is.GreaterThan(oldId), "ids are never reused, so the audit trail's user id stays unambiguous");
    }

    [Test]
    public async Task Deleting_the_account_is_audited_with_the_user_id()
    {
        var form = await SignedUpUserAsync();
        var id = (await Client.VerifyAuthAsync()).Json.GetProperty("data").GetProperty("id").GetInt32();

        await Client.DeleteAccountAsync(form.Password);

        Assert.That(Host.Logs.Lines, Has.Some.Contains($"user {id} deleted their account"));
    }

    [Test]
    public async Task Wrong_password_returns_422_under_password_and_deletes_nothing()
    {
        var form = await SignedUpUserAsync();

        var response = await Client.DeleteAccountAsync("not my password");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo("""{"password":["Password is incorrect"]}"""));
        Assert.That(DatabaseProbe.UserCountOf(Host.DatabaseFile, form.UserName), Is.EqualTo(1));
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Wrong_passwords_count_toward_the_accounts_back_off()
    {
        var form = await SignedUpUserAsync();
        for (var i = 0; i < 5; i++)
        {
            await Client.DeleteAccountAsync("not my password");
        }

        var response = await Client.DeleteAccountAsync(form.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(DatabaseProbe.UserCountOf(Host.DatabaseFile, form.UserName), Is.EqualTo(1));
    }

    [Test]
    public async Task A_missing_password_is_required()
    {
        await SignedUpUserAsync();

        var response = await Client.SendJsonAsync(HttpMethod.Delete, "/api/account", body: null);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo("""{"password":["This field is required."]}"""));
    }

    [Test]
    public async Task Deleting_without_a_session_returns_401()
    {
        var response = await Client.DeleteAccountAsync("whatever");

        Assert.That(response.Body, Is.EqualTo(ApiResponse.NotAuthorizedBody));
    }

    [Test]
    public async Task Deleting_without_a_csrf_token_returns_400_and_deletes_nothing()
    {
        var form = await SignedUpUserAsync();

        var response = await Client.SendJsonAsync(HttpMethod.Delete, "/api/account", new { password = form.Password }, withCsrf: false);

        Assert.That(response.ErrorType, Is.EqualTo("CSRF error"));
        Assert.That(DatabaseProbe.UserCountOf(Host.DatabaseFile, form.UserName), Is.EqualTo(1));
    }
}
