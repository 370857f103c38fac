using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Mail;

/// <summary><c>POST /api/account/email</c>: the new address applies only when its link is followed; the old one is told.</summary>
public class ChangeEmailTests : ApiTest
{
    private static string NewAddress() => SignupForm.Valid().Email.Replace("@example.com", "@new.example", StringComparison.Ordinal);

    [Test]
    public async Task Change_email_returns_200_naming_the_new_address()
    {
        var form = await SignedUpUserAsync();
        var address = NewAddress();

        var response = await Client.ChangeEmailAsync(form.Password, address);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        Assert.That(response.Message, Is.EqualTo($"We've sent a confirmation link to {address}"));
    }

    [Test]
    public async Task Change_email_tells_the_old_address_at_once_and_keeps_it_until_confirmed()
    {
        var form = await SignedUpUserAsync();
        var address = NewAddress();

        await Client.ChangeEmailAsync(form.Password, address);

        var notice = await Host.Mailbox.WaitForOneAsync(form.Email, "Your e-mail address is being changed");
        Assert.That(notice.TextBody, Does.Contain(address));
        Assert.That(notice.TextBody, Does.Not.Contain("token="));
        Assert.That((await Client.VerifyAuthAsync()).Json.GetProperty("data").GetProperty("email").GetString(), Is.EqualTo(form.Email));
    }

    [Test]
    public async Task Following_the_link_sent_to_the_new_address_makes_it_the_users_and_confirmed()
    {
        var form = await SignedUpUserAsync();
        var address = NewAddress();
        await Client.ChangeEmailAsync(form.Password, address);
        var token = Mailbox.TokenIn(await Host.Mailbox.WaitForOneAsync(address, "Confirm your new e-mail address"), "confirm-email");

        var response = await Client.ConfirmEmailAsync(token);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.ToString());
        var me = (await Client.VerifyAuthAsync()).Json.GetProperty("data");
        Assert.That(me.GetProperty("email").GetString(), Is.EqualTo(address));
        Assert.That(me.GetProperty("email_confirmed").GetBoolean(), Is.True);
        using var fresh = Host.NewClient();
        Assert.That((await fresh.LoginAsync(address, form.Password)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Change_email_with_a_wrong_password_returns_422_under_password()
    {
        await SignedUpUserAsync();

        var response = await Client.ChangeEmailAsync("not my password", NewAddress());

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").ToString(), Is.EqualTo("""{"password":["Password is incorrect"]}"""));
    }

    [Test]
    public async Task Change_email_to_a_taken_address_returns_409()
    {
        using var other = Host.NewClient();
        var taken = await SignedUpUserAsync(other);
        var form = await SignedUpUserAsync();

        var response = await Client.ChangeEmailAsync(form.Password, taken.Email.ToUpperInvariant());

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Error.GetProperty("message").GetString(), Is.EqualTo("This email is already taken!"));
    }

    [Test]
    public async Task Change_email_to_an_invalid_address_returns_422_under_email()
    {
        var form = await SignedUpUserAsync();

        var response = await Client.ChangeEmailAsync(form.Password, "not an address");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").TryGetProperty("email", out _), Is.True);
    }

    [Test]
    public async Task Change_email_without_a_session_returns_401()
    {
        var response = await Client.ChangeEmailAsync("whatever", NewAddress());

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Confirming_a_new_address_taken_meanwhile_returns_409_and_keeps_the_old_one()
    {
        var form = await SignedUpUserAsync();
        var address = NewAddress();
        await Client.ChangeEmailAsync(form.Password, address);
        var token = Mailbox.TokenIn(await Host.Mailbox.WaitForOneAsync(address, "Confirm your new e-mail address"), "confirm-email");
        using var other = Host.NewClient();
        Assert.That((await other.SignupAsync(SignupForm.Valid() with { Email = address })).Status, Is.EqualTo(HttpStatusCode.Created));

        var response = await Client.ConfirmEmailAsync(token);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await Client.VerifyAuthAsync()).Json.GetProperty("data").GetProperty("email").GetString(), Is.EqualTo(form.Email));
    }
}
