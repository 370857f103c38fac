using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Operations;

public class LogSafetyTests : ApiTest
{
    [Test]
    public async Task No_log_line_holds_a_password_hash_session_token_or_csrf_token()
    {
        var form = SignupForm.Valid();
        await Client.SignupAsync(form);
        var signupSession = Client.SessionCookie!;
        await Client.LogoutAsync();
        await Client.LoginAsync(form.UserName, "a wrong password");
        await Client.LoginAsync(form.UserName, form.Password, rememberMe: true);
        await Client.VerifyAuthAsync();
        await Client.PostJsonAsync("/api/auth/logout", new { }, withCsrf: false);
        var storedHash = DatabaseProbe.PasswordHashOf(Host.DatabaseFile, form.UserName);
        var secrets = new[] { form.Password, "a wrong password", signupSession, Client.SessionCookie!, await Client.CsrfTokenAsync(), storedHash };

        var leaks = Host.Logs.Lines.Where(line => secrets.Any(secret => line.Contains(secret, StringComparison.Ordinal)));

        Assert.That(storedHash, Does.StartWith("$argon2id$"));
        Assert.That(Host.Logs.Lines, Is.Not.Empty, "the service should have logged the use cases");
        Assert.That(leaks, Is.Empty);
    }
}
