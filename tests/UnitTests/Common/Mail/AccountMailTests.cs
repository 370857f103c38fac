using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Users;
using DoubleDibz.UnitTests.TestData;
using Microsoft.Extensions.Options;
using Moq;

namespace DoubleDibz.UnitTests.Common.Mail;

public class AccountMailTests
{
    private readonly Mock<IMailOutbox> _outbox = new();
    private readonly List<OutgoingMail> _sent = [];

    [SetUp]
    public void SetUp() => _outbox.Setup(o => o.Enqueue(It.IsAny<OutgoingMail>())).Callback<OutgoingMail>(_sent.Add);

    private AccountMail Mail(string baseUrl = "https://auth.example.com/", AccountOptions? accounts = null) =>
        new(A.TokenStore().Object, _outbox.Object, Options.Create(accounts ?? new AccountOptions()), Options.Create(new AppOptions { PublicBaseUrl = baseUrl }));

    [Test]
    public void Links_start_with_the_public_base_url()
    {
        Mail().SendPasswordReset(A.User());

        Assert.That(_sent.Single().TextBody, Does.Contain("https://auth.example.com/reset-password?token=raw-token"));
    }

    [Test]
    public void User_supplied_values_are_html_encoded_in_the_html_part()
    {
        var user = A.User();
        user.Rename(PersonName.Create("<script>x</script>").Value, user.LastName);

        Mail().SendConfirmation(user);

        Assert.That(_sent.Single().HtmlBody, Does.Not.Contain("<script>"));
        Assert.That(_sent.Single().HtmlBody, Does.Contain("&lt;script&gt;"));
    }

    [Test]
    public void A_mail_never_prints_its_bodies()
    {
        Mail().SendPasswordReset(A.User());

        Assert.That(_sent.Single().ToString(), Does.Not.Contain("raw-token"));
    }

    [Test]
    public void Confirmation_mail_goes_to_the_users_address_with_its_link_and_a_lifetime_in_hours()
    {
        Mail().SendConfirmation(A.User(email: "sam@example.com"));

        var mail = _sent.Single();
        Assert.That(mail.To, Is.EqualTo("sam@example.com"));
        Assert.That(mail.Subject, Is.EqualTo("Confirm your e-mail address"));
        Assert.That(mail.TextBody, Is.EqualTo(
            "Hello Sam,\n\nPlease confirm that this is your e-mail address for DoubleDibz by opening this link:\n\n" +
            "https://auth.example.com/confirm-email?token=raw-token\n\n" +
            "The link works for 24 hours. If you did not sign up, you can ignore this message.\n\n-- DoubleDibz\n"));
    }

    [Test]
    public void Reset_mail_links_to_the_reset_page_and_gives_a_lifetime_under_an_hour_in_minutes()
    {
        Mail().SendPasswordReset(A.User());

        var mail = _sent.Single();
        Assert.That(mail.Subject, Is.EqualTo("Reset your password"));
        Assert.That(mail.TextBody, Does.Contain("\n\nhttps://auth.example.com/reset-password?token=raw-token\n\n"));
        Assert.That(mail.TextBody, Does.Contain("The link works for 30 minutes and only once."));
    }

    [TestCase(90, "90 minutes")]
    [TestCase(120, "2 hours")]
    [TestCase(60, "1 hour")]
    [TestCase(0.5, "1 minute")]
    public void A_lifetime_is_given_in_whole_hours_only_when_it_is_whole_hours(double minutes, string said)
    {
        Mail(accounts: new AccountOptions { ResetPasswordTokenLifetime = TimeSpan.FromMinutes(minutes) }).SendPasswordReset(A.User());

        Assert.That(_sent.Single().TextBody, Does.Contain($"The link works for {said} and only once."));
    }

    [Test]
    public void Address_change_sends_the_link_to_the_new_address_and_a_notice_without_a_link_to_the_old_one()
    {
        Mail().SendAddressChange(A.User(email: "old@example.com"), EmailAddress.Create("new@example.com").Value);

        Assert.That(_sent.Select(m => (m.To, m.Subject)), Is.EqualTo(new[]
        {
            ("new@example.com", "Confirm your new e-mail address"),
            ("old@example.com", "Your e-mail address is being changed"),
        }));
        Assert.That(_sent[0].TextBody, Does.Contain("https://auth.example.com/confirm-email?token=raw-token"));
        Assert.That(_sent[0].TextBody, Does.Contain("The link works for 24 hours. Until then your account keeps its old address."));
        Assert.That(_sent[1].TextBody, Is.EqualTo(
            "Hello Sam,\n\nSomeone signed in to your DoubleDibz account asked to change its e-mail address to new@example.com. " +
            "It changes only when a link sent to that address is opened.\n\n" +
            "If this was not you, change your password now: that ends every session and voids the link.\n\n-- DoubleDibz\n"));
        Assert.That(_sent[1].HtmlBody, Does.Not.Contain("<a "));
    }

    [Test]
    public void The_html_part_carries_the_same_link_as_an_anchor()
    {
        Mail().SendPasswordReset(A.User());

        Assert.That(_sent.Single().HtmlBody, Does.Contain(
            "<p><a href=\"https://auth.example.com/reset-password?token=raw-token\">https://auth.example.com/reset-password?token=raw-token</a></p>"));
        Assert.That(_sent.Single().HtmlBody, Does.Contain("<title>Reset your password</title>"));
    }

    [Test]
    public void A_mail_prints_its_subject_and_says_its_bodies_are_redacted()
    {
        Mail().SendPasswordReset(A.User());

        Assert.That(_sent.Single().ToString(), Does.Contain("Subject = Reset your password, bodies = [redacted]"));
    }
}
