using DoubleDibz.Application.Auth.Login;

namespace DoubleDibz.UnitTests.Auth.Login;

/// <summary>The keys are stored: changing their form would reset every count in a running system.</summary>
public class LoginAttemptKeyTests
{
    [Test]
    public void An_account_is_keyed_by_its_id()
    {
        Assert.That(LoginAttemptKey.ForUser(42).Value, Is.EqualTo("user:42"));
    }

    [Test]
    public void A_device_is_keyed_by_its_id_without_dashes()
    {
        var device = Guid.Parse("0190a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b");

        Assert.That(LoginAttemptKey.ForDevice(device).Value, Is.EqualTo("device:0190a5b27c3d7e4f8a9b0c1d2e3f4a5b"));
    }

    [Test]
    public void An_unknown_login_is_keyed_by_its_keyed_hash()
    {
        Assert.That(LoginAttemptKey.ForUnknownLogin("ab12").Value, Is.EqualTo("login:ab12"));
    }

    [Test]
    public void ToString_is_the_key()
    {
        Assert.That(LoginAttemptKey.ForUser(42).ToString(), Is.EqualTo("user:42"));
    }
}
