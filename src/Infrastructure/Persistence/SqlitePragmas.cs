using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DoubleDibz.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings (pragmas do not persist in the file):
/// <c>busy_timeout</c> lets SQLite wait for a concurrent writer in short native steps, instead of failing at once
/// into Microsoft.Data.Sqlite's retry loop, which sleeps a thread for 150 ms per attempt;
/// <c>synchronous=NORMAL</c> is the recommended setting with WAL: a killed process loses nothing committed, and
/// only a power cut can lose the last transactions, in exchange for no fsync on every commit.
/// Pooled connections keep their settings, so each physical connection is set up once, not on every request.
/// </summary>
public sealed class SqlitePragmas(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private readonly string _pragmas = FormattableString.Invariant($"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;");

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // The native handle is what the pool reuses; a SqliteConnection object is only a lease on it. The lock-free
    // lookup comes first: TryAdd takes the table's lock, and this runs on every open of every request.
    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || (!_configured.TryGetValue(handle, out _) && _configured.TryAdd(handle, handle));
}

/// <summary>SQLite settings (section <c>Sqlite</c>).</summary>
public sealed class SqliteSettings
{
    public const string SectionName = "Sqlite";
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a statement waits for another writer's lock before it fails (then answered with 503). Also the
    /// command timeout, which bounds Microsoft.Data.Sqlite's own retries of a busy database: without it they go
    /// on for 30 s.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = DefaultBusyTimeout;
}
