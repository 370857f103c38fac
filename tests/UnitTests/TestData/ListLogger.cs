using Microsoft.Extensions.Logging;

namespace DoubleDibz.UnitTests.TestData;

/// <summary>One entry as a logger received it: level, event id, the structured values and the formatted text.</summary>
/// <remarks>Assert on <see cref="Level"/>, <see cref="EventId"/> and <see cref="Values"/>; the text is only for "never contains".</remarks>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, IReadOnlyDictionary<string, object?> Values, string Message, Exception? Exception)
{
    public object? this[string name] => Values[name];
}

/// <summary>Keeps every log entry, to assert on what would have been written.</summary>
public sealed class ListLogger<T>(LogLevel minimumLevel = LogLevel.Trace) : ILogger<T>
{
    public List<LogEntry> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Add(ListLoggerFactory.Entry(typeof(T).Name, logLevel, eventId, state, exception, formatter));
}

/// <summary>A logger factory whose loggers all write into <see cref="Lines"/>.</summary>
public sealed class ListLoggerFactory : ILoggerFactory
{
    public List<LogEntry> Lines { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    internal static LogEntry Entry<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Where(p => p.Key != "{OriginalFormat}").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        return new LogEntry(category, level, eventId, values, formatter(state, exception), exception);
    }

    private sealed class Logger(ListLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            factory.Lines.Add(Entry(category, logLevel, eventId, state, exception, formatter));
    }
}
