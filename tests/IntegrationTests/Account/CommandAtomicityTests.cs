using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Account;

/// <summary>
/// A command is one unit of work: when any of its writes fails, none of them stays. Each test makes one write fail
/// inside the real database (a trigger refuses it) and checks the stored state afterwards, not only the answer.
/// </summary>
public class CommandAtomicityTests : ApiTest
{
    private const string NewPassword = "a brand new passphrase";

    [TearDown]
    public void DropTriggers()
    {
        DatabaseProbe.Execute(Host.DatabaseFile, "DROP TRIGGER IF EXISTS refuse_session_delete; DROP TRIGGER IF EXISTS refuse_session_insert;");
    }

    [Test]
    public async Task A_password_change_whose_session_revocation_fails_changes_nothing()
    {
        var form = await SignedUpUserAsync();
        using var otherDevice = Host.NewClient();
        await otherDevice.LoginAsync(form.UserName, form.Password);
        var hashBefore = DatabaseProbe.PasswordHashOf(Host.DatabaseFile, form.UserName);
        DatabaseProbe.Execute(Host.DatabaseFile, "CREATE TRIGGER refuse_session_delete BEFORE DELETE ON Sessions BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");

        var response = await Client.ChangePasswordAsync(form.Password, NewPassword);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(DatabaseProbe.PasswordHashOf(Host.DatabaseFile, form.UserName), Is.EqualTo(hashBefore));
        Assert.That(DatabaseProbe.SessionCountOf(Host.DatabaseFile, form.UserName), Is.EqualTo(2));
        Assert.That((await otherDevice.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_password_change_whose_new_session_fails_to_start_changes_nothing()
    {
        var form = await SignedUpUserAsync();
        var hashBefore = DatabaseProbe.PasswordHashOf(Host.DatabaseFile, form.UserName);
        DatabaseProbe.Execute(Host.DatabaseFile, "CREATE TRIGGER refuse_session_insert BEFORE INSERT ON Sessions BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");

        var response = await Client.ChangePasswordAsync(form.Password, NewPassword);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(DatabaseProbe.PasswordHashOf(Host.DatabaseFile, form.UserName), Is.EqualTo(hashBefore));
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK), "the old session was not ended either");
    }

    [Test]
    public async Task A_signup_whose_session_fails_to_start_leaves_no_account()
    {
        var form = SignupForm.Valid();
        DatabaseProbe.Execute(Host.DatabaseFile, "CREATE TRIGGER refuse_session_insert BEFORE INSERT ON Sessions BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");

        var response = await Client.SignupAsync(form);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(DatabaseProbe.UserCountOf(Host.DatabaseFile, form.UserName), Is.Zero);
    }

    [Test]
    public async Task A_signup_whose_session_fails_to_start_queues_no_mail()
    {
        var form = SignupForm.Valid();
        DatabaseProbe.Execute(Host.DatabaseFile, "CREATE TRIGGER refuse_session_insert BEFORE INSERT ON Sessions BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");

        await Client.SignupAsync(form);

        Assert.That(DatabaseProbe.OutboxCount(Host.DatabaseFile, form.Email), Is.Zero, "the confirmation mail rolled back with the account");
    }

    [Test]
    public async Task An_account_deletion_whose_session_revocation_fails_keeps_the_account()
    {
        var form = await SignedUpUserAsync();
        DatabaseProbe.Execute(Host.DatabaseFile, "CREATE TRIGGER refuse_session_delete BEFORE DELETE ON Sessions BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");

        var response = await Client.DeleteAccountAsync(form.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(DatabaseProbe.UserCountOf(Host.DatabaseFile, form.UserName), Is.EqualTo(1));
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task After_a_failed_command_the_next_one_on_the_service_succeeds()
    {
        var form = await SignedUpUserAsync();
        DatabaseProbe.Execute(Host.DatabaseFile, "CREATE TRIGGER refuse_session_delete BEFORE DELETE ON Sessions BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
        await Client.ChangePasswordAsync(form.Password, NewPassword);
        DropTriggers();

        var response = await Client.ChangePasswordAsync(form.Password, NewPassword);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), "no transaction or lock was left behind");
    }
}
