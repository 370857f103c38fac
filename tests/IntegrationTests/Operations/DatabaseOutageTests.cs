using System.Net;
using DoubleDibz.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace DoubleDibz.IntegrationTests.Operations;

/// <summary>
/// A database that cannot take a write — here SQLite held under an exclusive lock by another connection for longer
/// than <c>Sqlite:BusyTimeout</c> — is an outage, not a bug: 503 with <c>Retry-After</c> in the envelope, logged
/// once per window with a count, and the service recovers by itself when the lock is gone.
/// </summary>
public class DatabaseOutageTests : FreshDatabaseTest
{
    private const int DatabaseUnavailable = 2001;

    private static readonly Dictionary<string, string?> ShortBusyTimeout = new() { ["Sqlite:BusyTimeout"] = "00:00:01" };

    [Test]
    public async Task A_signup_while_the_database_is_locked_answers_503_with_Retry_After_not_500()
    {
        using var host = new ApiHost(Database, ShortBusyTimeout);
        using var client = host.NewClient();
        await client.CsrfTokenAsync(); // the CSRF key ring is written to the database before the lock

        ApiResponse response;
        using (ExclusiveLock())
        {
            response = await client.SignupAsync(SignupForm.Valid());
        }

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), response.ToString());
        Assert.That(response.ErrorType, Is.EqualTo("Service Unavailable"));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task Once_the_lock_is_released_signup_works_again()
    {
        using var host = new ApiHost(Database, ShortBusyTimeout);
        using var client = host.NewClient();
        await client.CsrfTokenAsync();
        using (ExclusiveLock())
        {
            await client.SignupAsync(SignupForm.Valid());
        }

        var response = await client.SignupAsync(SignupForm.Valid());

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.ToString());
    }

    [Test]
    public async Task Repeated_failures_in_an_outage_are_logged_once_with_a_count_and_never_as_a_bug()
    {
        using var host = new ApiHost(Database, ShortBusyTimeout);
        await host.NewClient().CsrfTokenAsync();
        var statuses = new List<HttpStatusCode>();
        using (ExclusiveLock())
        {
            for (var i = 0; i < 4; i++)
            {
                using var client = host.NewClient();
                statuses.Add((await client.SignupAsync(SignupForm.Valid())).Status);
            }
        }

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(host.Logs.Entries.Count(e => e.EventId == DatabaseUnavailable), Is.EqualTo(1));
        Assert.That(host.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error && e.EventId != DatabaseUnavailable), Is.Empty);
    }

    /// <summary>Another process's write transaction, as a long migration or a stuck backup job would hold it.</summary>
    private ExclusiveLockHandle ExclusiveLock()
    {
        var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE";
        begin.ExecuteNonQuery();
        return new ExclusiveLockHandle(connection);
    }

    private sealed class ExclusiveLockHandle(SqliteConnection connection) : IDisposable
    {
        public void Dispose()
        {
            using (var rollback = connection.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK";
                rollback.ExecuteNonQuery();
            }

            connection.Dispose();
        }
    }
}
