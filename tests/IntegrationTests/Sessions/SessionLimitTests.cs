using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Sessions;

/// <summary>One user's sessions are bounded: a sign-in beyond the limit ends the oldest.</summary>
public class SessionLimitTests : FreshDatabaseTest
{
    [Test]
    public async Task A_sign_in_beyond_the_limit_ends_the_oldest_session_and_keeps_the_rest()
    {
        using var host = new ApiHost(Database, new Dictionary<string, string?> { ["Sessions:MaxPerUser"] = "3" });
        var user = SignupForm.Valid();
        using var first = host.NewClient();
        await first.SignupAsync(user);
        var later = Enumerable.Range(0, 3).Select(_ => host.NewClient()).ToList();
        foreach (var client in later)
        {
            await client.LoginAsync(user.UserName, user.Password);
        }

        var oldest = await first.VerifyAuthAsync();
        var rest = await Task.WhenAll(later.Select(c => c.VerifyAuthAsync()));

        Assert.That(oldest.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(rest.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(DatabaseProbe.SessionCountOf(Database, user.UserName), Is.EqualTo(3));
        later.ForEach(c => c.Dispose());
    }
}
