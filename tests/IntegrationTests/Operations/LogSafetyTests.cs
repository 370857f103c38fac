using DoubleDibz.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

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
        var secrets = new[] { form.Password, "a wrong password", signupSession, Client.SessionCookie!, await Client.CsrfTokenAsync(), StoredHash(form.UserName) };

        var leaks = Host.Logs.Lines.Where(line => secrets.Any(secret => line.Contains(secret, StringComparison.Ordinal)));

        Assert.That(Host.Logs.Lines, Is.Not.Empty, "the service should have logged the use cases");
        Assert.That(leaks, Is.Empty);
    }

    private string StoredHash(string userName)
    {
        using var connection = new SqliteConnection($"Data Source={Host.DatabaseFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT PasswordHash FROM Users WHERE NormalizedUserName = $name";
        command.Parameters.AddWithValue("$name", userName.ToUpperInvariant());
        var hash = (string)command.ExecuteScalar()!;
        Assert.That(hash, Does.StartWith("$argon2id$"));
        return hash;
    }
}
