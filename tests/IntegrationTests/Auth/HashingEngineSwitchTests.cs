using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Auth;

/// <summary>
/// <c>PasswordHashing:Engine</c> can be switched on a live database: both engines compute the same Argon2id, so
/// every account created under one signs in after a restart with the other, and no hash needs rewriting.
/// </summary>
public class HashingEngineSwitchTests : FreshDatabaseTest
{
    private static Dictionary<string, string?> Engine(string name) => new() { ["PasswordHashing:Engine"] = name };

    [TestCase("Konscious", "Libsodium")]
    [TestCase("Libsodium", "Konscious")]
    public async Task Users_created_under_one_engine_log_in_after_a_restart_with_the_other(string first, string second)
    {
        var early = SignupForm.Valid();
        using (var before = new ApiHost(Database, Engine(first)))
        using (var client = before.NewClient())
        {
            Assert.That((await client.SignupAsync(early)).Status, Is.EqualTo(HttpStatusCode.Created));
        }

        var earlyHash = DatabaseProbe.PasswordHashOf(Database, early.UserName);
        var late = SignupForm.Valid();
        using (var after = new ApiHost(Database, Engine(second)))
        {
            using var earlyBrowser = after.NewClient();
            Assert.That((await earlyBrowser.LoginAsync(early.UserName, early.Password)).Status, Is.EqualTo(HttpStatusCode.OK), $"made by {first}, checked by {second}");
            using var stranger = after.NewClient();
            Assert.That((await stranger.LoginAsync(early.UserName, early.Password + "!")).Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "a wrong password still fails");
            using var lateBrowser = after.NewClient();
            Assert.That((await lateBrowser.SignupAsync(late)).Status, Is.EqualTo(HttpStatusCode.Created));
        }

        using var back = new ApiHost(Database, Engine(first));
        using var lateAgain = back.NewClient();
        Assert.That((await lateAgain.LoginAsync(late.UserName, late.Password)).Status, Is.EqualTo(HttpStatusCode.OK), $"made by {second}, checked by {first}");
        Assert.That(DatabaseProbe.PasswordHashOf(Database, early.UserName), Is.EqualTo(earlyHash), "same parameters, so no rehash");
    }
}
