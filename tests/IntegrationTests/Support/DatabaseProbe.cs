using Microsoft.Data.Sqlite;

namespace DoubleDibz.IntegrationTests.Support;

/// <summary>Reads the service's SQLite file directly, to check what was stored rather than what was answered.</summary>
public static class DatabaseProbe
{
    public static string PasswordHashOf(string databaseFile, string userName) =>
        (string)Scalar(databaseFile, "SELECT PasswordHash FROM Users WHERE NormalizedUserName = $name", userName);

    public static long SessionCountOf(string databaseFile, string userName) =>
        (long)Scalar(databaseFile, "SELECT COUNT(*) FROM Sessions s JOIN Users u ON u.Id = s.UserId WHERE u.NormalizedUserName = $name", userName);

    public static long UserCountOf(string databaseFile, string userName) =>
        (long)Scalar(databaseFile, "SELECT COUNT(*) FROM Users WHERE NormalizedUserName = $name", userName);

    public static (string FirstName, string LastName) NamesOf(string databaseFile, string userName) =>
        ((string)Scalar(databaseFile, "SELECT FirstName FROM Users WHERE NormalizedUserName = $name", userName),
         (string)Scalar(databaseFile, "SELECT LastName FROM Users WHERE NormalizedUserName = $name", userName));

    /// <summary>The raw stored two-factor columns of a user (issue 14): the secret column and the recovery-code column.</summary>
    public static (string? Secret, string RecoveryCodes) TwoFactorColumnsOf(string databaseFile, string userName) =>
        (Scalar(databaseFile, "SELECT TwoFactorSecret FROM Users WHERE NormalizedUserName = $name", userName) as string,
         (string)Scalar(databaseFile, "SELECT RecoveryCodeHashes FROM Users WHERE NormalizedUserName = $name", userName));

    public static long PendingSignInCountOf(string databaseFile, string userName) =>
        (long)Scalar(databaseFile, "SELECT COUNT(*) FROM PendingSignIns p JOIN Users u ON u.Id = p.UserId WHERE u.NormalizedUserName = $name", userName);

    public static IReadOnlyList<string> LoginAttemptKeys(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Key FROM LoginAttempts";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>Messages to <paramref name="recipient"/> still in the outbox (waiting, or dead).</summary>
    public static long OutboxCount(string databaseFile, string recipient) =>
        (long)ScalarOf(databaseFile, "SELECT COUNT(*) FROM OutboxMessages WHERE Recipient = $value", recipient);

    /// <summary>The attempts recorded on the dead message to <paramref name="recipient"/>; -1 when there is none.</summary>
    public static long DeadOutboxAttempts(string databaseFile, string recipient) =>
        (long)ScalarOf(databaseFile, "SELECT COALESCE((SELECT Attempts FROM OutboxMessages WHERE Recipient = $value AND DeadAtUnixMs IS NOT NULL), -1)", recipient);

    public static long AccountTokenCount(string databaseFile) => (long)ScalarOf(databaseFile, "SELECT COUNT(*) FROM AccountTokens", string.Empty);

    public static long AccountTokenCountOf(string databaseFile, string userName) =>
        (long)Scalar(databaseFile, "SELECT COUNT(*) FROM AccountTokens t JOIN Users u ON u.Id = t.UserId WHERE u.NormalizedUserName = $name", userName);

    public static long LongOf(string databaseFile, string sql) => (long)ScalarOf(databaseFile, sql, string.Empty);

    private static object ScalarOf(string databaseFile, string sql, string value)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$value", value);
        return command.ExecuteScalar() ?? DBNull.Value;
    }

    public static void Execute(string databaseFile, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object Scalar(string databaseFile, string sql, string userName)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$name", userName.ToUpperInvariant());
        return command.ExecuteScalar() ?? throw new InvalidOperationException($"No row for {userName}");
    }
}
