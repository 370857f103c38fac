using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DoubleDibz.IntegrationTests.Support;

/// <summary>
/// A logger provider that keeps every entry in memory as one line: level, category, event name, the formatted
/// message, the structured values of the message and of every enclosing scope (as <c>Name=value</c>), and the exception.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>The same entries, structured: for counting by event id rather than by message text.</summary>
    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder($"{logLevel} {category}[{eventId.Name}]: {formatter(state, exception)} |");
            AppendValues(line, state);
            capture._scopes.ForEachScope((scope, builder) => AppendValues(builder, scope), line);
            capture._lines.Enqueue(line.Append(' ').Append(exception).ToString());
            capture._entries.Enqueue(new LogEntry(logLevel, category, eventId.Id, formatter(state, exception), exception));
        }

        private static void AppendValues(StringBuilder line, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (name, value) in values)
                {
                    line.Append(' ').Append(name).Append('=').Append(value);
                }
            }
        }
    }
}

/// <summary>One log entry as the service wrote it.</summary>
public sealed record LogEntry(LogLevel Level, string Category, int EventId, string Message, Exception? Exception);
