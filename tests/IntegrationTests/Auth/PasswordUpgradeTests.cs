using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Auth;

/// <summary>Raising the Argon2 cost upgrades each stored hash at its owner's next successful login.</summary>
public class PasswordUpgradeTests : FreshDatabaseTest
{
    [Test]
    public async Task A_hash_made_with_older_parameters_is_replaced_at_the_next_login()
    {
        var user = SignupForm.Valid();
        var cheaper = new Dictionary<string, string?> { ["PasswordHashing:MemoryKiB"] = "8192", ["PasswordHashing:Iterations"] = "1" };
        using (var before = new ApiHost(Database, cheaper))
        using (var client = before.NewClient())
        {
            await client.SignupAsync(user);
        }

        var oldHash = DatabaseProbe.PasswordHashOf(Database, user.UserName);
        using var after = new ApiHost(Database);
        using var browser = after.NewClient();
        var login = await browser.LoginAsync(user.UserName, user.Password);

        Assert.That(login.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(oldHash, Does.StartWith("$argon2id$v=19$m=8192,t=1,p=1$"));
        Assert.That(DatabaseProbe.PasswordHashOf(Database, user.UserName), Does.StartWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    }
}
