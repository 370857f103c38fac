using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Mail;

/// <summary>The mail journeys over real SMTP: the service sends to smtp4dev, the test reads the message from its API.</summary>
public class SmtpDeliveryTests
{
    private Smtp4dev _smtp = null!;
    private ApiHost _host = null!;

    [OneTimeSetUp]
    public async Task StartService()
    {
        _smtp = await Smtp4dev.Shared;
        _host = new ApiHost(settings: _smtp.ServiceSettings());
    }

    [OneTimeTearDown]
    public void StopService() => _host.Dispose();

    [Test]
    public async Task Forgot_password_mail_arrives_over_smtp_and_its_link_resets_the_password()
    {
        using var client = _host.NewClient();
        var form = SignupForm.Valid();
        await client.SignupAsync(form);
        await client.LogoutAsync();

        await client.ForgotPasswordAsync(form.Email);
        var message = await _smtp.WaitForAsync(form.Email, "Reset your password");
        var reset = await client.ResetPasswordAsync(Mailbox.TokenIn(message, "reset-password"), "a brand new passphrase");

        Assert.That(reset.Status, Is.EqualTo(HttpStatusCode.OK), reset.ToString());
        Assert.That((await client.LoginAsync(form.UserName, "a brand new passphrase")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(message.HtmlBody, Does.Contain("/reset-password?token="));
    }

    [Test]
    public async Task Confirmation_mail_arrives_over_smtp_and_its_link_confirms_the_address()
    {
        using var client = _host.NewClient();
        var form = SignupForm.Valid();
        await client.SignupAsync(form);

        var message = await _smtp.WaitForAsync(form.Email, "Confirm your e-mail address");
        var confirmed = await client.ConfirmEmailAsync(Mailbox.TokenIn(message, "confirm-email"));

        Assert.That(confirmed.Status, Is.EqualTo(HttpStatusCode.OK), confirmed.ToString());
        Assert.That(confirmed.Json.GetProperty("data").GetProperty("email_confirmed").GetBoolean(), Is.True);
    }
}

/// <summary>An outage of the mail server loses nothing: the outbox retries until the server is back, and sends once.</summary>
public class SmtpOutageTests
{
    [Test]
    public async Task Mail_queued_while_the_smtp_server_is_down_arrives_once_when_it_is_back()
    {
        var port = FreeTcpPort.Next(); // nothing listens there yet
        using var host = new ApiHost(settings: Smtp4dev.SettingsFor(port));
        using var client = host.NewClient();
        var form = SignupForm.Valid();

        var signup = await client.SignupAsync(form);
        await Poll.UntilAsync(() => host.Logs.Entries.Any(e => e.EventId == 1152));
        using var smtp = await Smtp4dev.StartAsync(port);
        var message = await smtp.WaitForAsync(form.Email, "Confirm your e-mail address", TimeSpan.FromSeconds(60));
        await Poll.UntilAsync(() => DatabaseProbe.OutboxCount(host.DatabaseFile, form.Email) == 0);

        Assert.That(signup.Status, Is.EqualTo(HttpStatusCode.Created), "the request never waits for the mail server");
        Assert.That(await smtp.MessagesToAsync(form.Email), Has.Count.EqualTo(1));
        Assert.That((await client.ConfirmEmailAsync(Mailbox.TokenIn(message, "confirm-email"))).Status, Is.EqualTo(HttpStatusCode.OK));
    }
}

/// <summary>A server that refuses the recipient: for good (5xx) the message dies at once; its words never reach the log.</summary>
public class SmtpRefusalTests
{
    [Test]
    public async Task Mail_to_a_recipient_the_server_refuses_for_good_is_dead_after_one_attempt()
    {
        using var smtp = new RefusingSmtpServer("550 5.1.1 No such mailbox here");
        using var host = new ApiHost(settings: Smtp4dev.SettingsFor(smtp.Port)); // MaxAttempts 1000
        using var client = host.NewClient();
        var form = SignupForm.Valid();

        await client.SignupAsync(form);
        await Poll.UntilAsync(() => host.Logs.Entries.Any(e => e.EventId == 1153));

        Assert.That(DatabaseProbe.DeadOutboxAttempts(host.DatabaseFile, form.Email), Is.EqualTo(1));
        Assert.That(host.Logs.Entries.Single(e => e.EventId == 1153).Message, Does.Contain("SMTP 550"));
    }

    [Test]
    public async Task The_smtp_servers_reply_text_never_reaches_the_log()
    {
        const string Quoted = "reply-text-that-may-quote-the-link";
        using var smtp = new RefusingSmtpServer($"450 4.7.1 {Quoted} greylisted, try later");
        using var host = new ApiHost(settings: Smtp4dev.SettingsFor(smtp.Port));
        using var client = host.NewClient();

        await client.SignupAsync(SignupForm.Valid());
        await Poll.UntilAsync(() => host.Logs.Entries.Count(e => e.EventId == 1152) >= 2); // a 4xx is tried again

        Assert.That(host.Logs.Lines, Has.None.Contains(Quoted));
        Assert.That(host.Logs.Entries.First(e => e.EventId == 1152).Message, Does.Contain("SMTP 450"));
    }
}
