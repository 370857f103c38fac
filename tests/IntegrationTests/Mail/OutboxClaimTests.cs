using System.Data.Common;
using DoubleDibz.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using MimeKit;
using Npgsql;

namespace DoubleDibz.IntegrationTests.Mail;

/// <summary>
/// Two senders, one database: every queued message is delivered exactly once, on SQLite (two hosts on one file) and
/// on PostgreSQL (two service processes on one database). Each instance writes into its own pickup folder, so a
/// message sent twice would show up as two files with one Message-ID.
/// </summary>
public class OutboxClaimTests
{
    private const int Messages = 60;

    private static readonly Dictionary<string, string?> FastSmallBatches = new()
    {
        ["Email:Outbox:BatchSize"] = "3",
        ["Email:Outbox:PollInterval"] = "00:00:00.100",
    };

    [Test]
    public async Task Two_instances_on_one_sqlite_file_deliver_each_message_exactly_once()
    {
        using var a = new ApiHost(settings: FastSmallBatches);
        using var b = new ApiHost(a.DatabaseFile, settings: new Dictionary<string, string?>(FastSmallBatches) { ["Email:PickupDirectory"] = a.DatabaseFile + "-mail-b" });
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={a.DatabaseFile}"))
            {
                await connection.OpenAsync();
                await QueueAsync(connection);
            }

            await Poll.UntilAsync(() => DatabaseProbe.LongOf(a.DatabaseFile, "SELECT COUNT(*) FROM OutboxMessages") == 0);

            AssertDeliveredOnce(a.PickupDirectory!, b.PickupDirectory!);
        }
        finally
        {
            if (Directory.Exists(b.PickupDirectory))
            {
                Directory.Delete(b.PickupDirectory, recursive: true);
            }
        }
    }

    [Test]
    public async Task Two_instances_on_one_postgres_database_deliver_each_message_exactly_once()
    {
        using var postgres = await PostgresServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("doubledibz-outbox-").FullName;
        try
        {
            var connectionString = await postgres.CreateDatabaseAsync();
            ServiceProcess Start(string name) => ServiceProcess.StartAsync(folder, new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Default"] = connectionString,
                ["RateLimiting__Enabled"] = "false",
                ["Email__PickupDirectory"] = Path.Combine(folder, name),
                ["Email__Outbox__BatchSize"] = "3",
                ["Email__Outbox__PollInterval"] = "00:00:00.100",
            }).GetAwaiter().GetResult();
            using var a = Start("a");
            using var b = Start("b");

            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await QueueAsync(connection);
                await Poll.UntilAsync(() =>
                {
                    using var count = new NpgsqlCommand("""SELECT COUNT(*) FROM "OutboxMessages" """, connection);
                    return (long)count.ExecuteScalar()! == 0;
                });
            }

            AssertDeliveredOnce(Path.Combine(folder, "a"), Path.Combine(folder, "b"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Queues <see cref="Messages"/> due messages at once, as committed commands of other instances would.</summary>
    private static async Task QueueAsync(DbConnection connection)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        for (var i = 0; i < Messages; i++)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "OutboxMessages" ("Id", "Recipient", "Subject", "TextBody", "HtmlBody", "CreatedAtUnixMs", "Attempts", "NextAttemptAtUnixMs", "ClaimedUntilUnixMs")
                VALUES (@id, @to, 'Outbox test', 'text', '<p>html</p>', 0, 0, 0, 0)
                """;
            var id = insert.CreateParameter();
            id.ParameterName = "@id";
            id.Value = connection is SqliteConnection ? Guid.NewGuid().ToString().ToUpperInvariant() : Guid.NewGuid();
            insert.Parameters.Add(id);
            var to = insert.CreateParameter();
            to.ParameterName = "@to";
            to.Value = $"outbox{i}@example.com";
            insert.Parameters.Add(to);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static void AssertDeliveredOnce(params string[] pickupDirectories)
    {
        var ids = pickupDirectories.Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.eml"))
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.Subject == "Outbox test")
            .Select(m => m.MessageId)
            .ToList();
        Assert.That(ids, Has.Count.EqualTo(Messages));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(Messages));
    }
}
