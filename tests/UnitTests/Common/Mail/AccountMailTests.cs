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

    private AccountMail Mail(string baseUrl = "https://auth.example.com/") =>
        new(A.TokenStore().Object, _outbox.Object, A.AccountOptions(), Options.Create(new AppOptions { PublicBaseUrl = baseUrl }));

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
}
