using System.Data.Common;
using System.Net.Sockets;
using DoubleDibz.Application.Common.Ports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DoubleDibz.Infrastructure.Persistence;

/// <summary>
/// Database failures that are not the request's fault and not a bug: connection refused or reset, timeouts, a server
/// shutting down or not yet accepting connections, SQLite busy or locked beyond its busy timeout. EF Core and the
/// drivers wrap them (<see cref="Microsoft.EntityFrameworkCore.DbUpdateException"/>, <see cref="RetryLimitExceededException"/>,
/// an <see cref="InvalidOperationException"/> about a broken connection), so the whole chain of inner exceptions is
/// looked at. Nothing here retries: a write that may or may not have happened is not repeated blindly.
/// </summary>
public sealed class TransientDatabaseFailures : ITransientFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public bool IsTransient(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (IsTransientItself(current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTransientItself(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        // 08: connection exceptions; 57P01-57P03: the server shuts down or is starting (pg_ctl stop/start).
        PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is "57P01" or "57P02" or "57P03",
        NpgsqlException npgsql => npgsql.IsTransient,
        DbException db => db.IsTransient,
        RetryLimitExceededException => true,
        TimeoutException => true,
        SocketException => true,
        _ => false,
    };
}
