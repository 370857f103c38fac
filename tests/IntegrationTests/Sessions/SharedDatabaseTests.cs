using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Sessions;

/// <summary>Sessions and CSRF keys live in the database: restarts and other instances see them.</summary>
public class SharedDatabaseTests : FreshDatabaseTest
{
    [Test]
    public async Task A_session_and_its_csrf_token_survive_a_restart_of_the_server()
    {
        ApiClient browser;
        using (var before = new ApiHost(Database))
        {
            browser = before.NewClient();
            await browser.SignupAsync(SignupForm.Valid());
        }

        using var after = new ApiHost(Database);
        using var sameBrowser = browser.SameBrowserAt(after);
        var verify = await sameBrowser.VerifyAuthAsync();
        var logout = await sameBrowser.LogoutAsync();
        browser.Dispose();

        Assert.That(verify.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(logout.Status, Is.EqualTo(HttpStatusCode.OK), "the CSRF token from before the restart must still be valid");
    }

    [Test]
    public async Task Logout_on_one_instance_ends_the_session_on_another()
    {
        using var instanceA = new ApiHost(Database);
        using var instanceB = new ApiHost(Database);
        using var onA = instanceA.NewClient();
        await onA.SignupAsync(SignupForm.Valid());
        using var onB = onA.SameBrowserAt(instanceB);

        var seenOnB = await onB.VerifyAuthAsync();
        await onB.LogoutAsync();
        var afterLogout = await onA.VerifyAuthAsync();

        Assert.That(seenOnB.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(afterLogout.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
