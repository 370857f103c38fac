using System.Collections.Concurrent;
using System.Diagnostics;
using DoubleDibz.Infrastructure.Mail;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DoubleDibz.IntegrationTests.Support;

/// <summary>
/// Counts the SQL commands EF Core sends to each SQLite file while it is alive, through EF's diagnostic events
/// (the service is not changed to be observed). The outbox sender's commands (tagged
/// <see cref="OutboxDelivery.QueryTag"/>) are not counted: that background work runs on its own schedule, whatever
/// request is being measured. Create it before the host it observes: EF caches "nobody is
/// listening" for a second per pooled context, so a counter that subscribes later misses that context's commands.
/// </summary>
public sealed class DatabaseCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public DatabaseCommandCounter() => _allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    public int CountFor(string databaseFile) => _counts.GetValueOrDefault(Path.GetFullPath(databaseFile));

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name
            && value.Value is CommandEventData { Command.Connection: SqliteConnection connection } command
            && !command.Command.CommandText.Contains(OutboxDelivery.QueryTag, StringComparison.Ordinal))
        {
            _counts.AddOrUpdate(Path.GetFullPath(connection.DataSource), 1, (_, count) => count + 1);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
