using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Account;

/// <summary>Account commands racing each other from one session: each gets a contract answer, never a 500.</summary>
public class ConcurrentAccountCommandTests : ApiTest
{
    [Test]
    public async Task Parallel_deletions_of_one_account_give_one_200_and_401_or_429_for_the_rest()
    {
        var form = await SignedUpUserAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => (await Client.DeleteAccountAsync(form.Password)).Status));

        Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(1), string.Join(", ", statuses));
        // 429: parallel password checks are counted like sequential ones, so the sixth meets the back-off.
        Assert.That(statuses.Where(s => s != HttpStatusCode.OK), Is.All.EqualTo(HttpStatusCode.Unauthorized).Or.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(DatabaseProbe.UserCountOf(Host.DatabaseFile, form.UserName), Is.Zero);
    }

    [Test]
    public async Task Profile_updates_and_logins_racing_a_deletion_get_contract_answers_and_leave_no_session_behind()
    {
        var form = await SignedUpUserAsync();
        using var other = Host.NewClient();

        var racing = new List<Task<ApiResponse>> { Client.DeleteAccountAsync(form.Password) };
        racing.AddRange(Enumerable.Range(0, 4).Select(i => Client.UpdateProfileAsync(new { first_name = $"Name{i}" })));
        racing.AddRange(Enumerable.Range(0, 3).Select(_ => Host.NewClient().LoginAsync(form.UserName, form.Password)));
        var responses = await Task.WhenAll(racing);

        Assert.That(responses.Select(r => (int)r.Status), Is.All.LessThan(500), string.Join("\n", responses.Select(r => r.ToString())));
        Assert.That(DatabaseProbe.UserCountOf(Host.DatabaseFile, form.UserName), Is.Zero);
        Assert.That(DatabaseProbe.SessionCountOf(Host.DatabaseFile, form.UserName), Is.Zero);
    }

    [Test]
    public async Task Parallel_password_changes_all_succeed_and_leave_exactly_one_session()
    {
        var form = await SignedUpUserAsync();
        const string NewPassword = "a brand new passphrase";

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Client.ChangePasswordAsync(form.Password, NewPassword)));

        Assert.That(responses.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK),
            string.Join("\n", responses.Select(r => r.ToString())));
        Assert.That(DatabaseProbe.SessionCountOf(Host.DatabaseFile, form.UserName), Is.EqualTo(1));
        using var fresh = Host.NewClient();
        Assert.That((await fresh.LoginAsync(form.UserName, NewPassword)).Status, Is.EqualTo(HttpStatusCode.OK));
    }
}
