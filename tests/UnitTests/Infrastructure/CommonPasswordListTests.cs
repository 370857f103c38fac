using DoubleDibz.Infrastructure.Passwords;

namespace DoubleDibz.UnitTests.Infrastructure;

public class CommonPasswordListTests
{
    private static readonly CommonPasswordList List = new();

    [Test]
    public void The_shipped_list_holds_ten_thousand_passwords()
    {
        Assert.That(List.Count, Is.EqualTo(10_000));
    }

    [TestCase("password")]
    [TestCase("12345678")]
    [TestCase("PASSWORD")]
    public void Well_known_passwords_are_on_it_in_any_case(string password)
    {
        Assert.That(List.Contains(password), Is.True);
    }

    [Test]
    public void A_long_random_passphrase_is_not()
    {
        Assert.That(List.Contains("violet tractor sings at dawn"), Is.False);
    }
}
