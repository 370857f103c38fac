namespace DoubleDibz.Application.Common.Audit;

/// <summary>
/// Decides whether a repeated event gets its own log line, so that a flood (a client hammering the rate limit or
/// the CSRF check, a database outage failing every request) writes a few lines a minute instead of one per request.
/// Per key — an event and, usually, a client — the first occurrence is logged at once; later ones within
/// <see cref="Window"/> are only counted, and the count rides on the next line logged for that key once the window
/// has passed (so nothing is lost while the flood lasts; the count of a window after which nothing more came is not
/// reported). Memory is bounded: at most <see cref="MaxTrackedKeys"/> keys are tracked; beyond that, keys whose
/// window has passed are dropped, and if none has, new keys share one overflow key per event, so many addresses
/// cannot grow the table or the log either.
/// </summary>
public sealed class RepeatedEventLimiter(TimeProvider clock, TimeSpan window, int maxTrackedKeys)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(1);
    public const int DefaultMaxTrackedKeys = 10_000;
    public const string OverflowKey = "(other clients)";

    private readonly Dictionary<(string Event, string Key), Tally> _tallies = [];
    private readonly Lock _lock = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public RepeatedEventLimiter(TimeProvider clock)
        : this(clock, DefaultWindow, DefaultMaxTrackedKeys)
    {
    }

    public TimeSpan Window { get; } = window > TimeSpan.Zero ? window : throw new ArgumentOutOfRangeException(nameof(window));

    public int MaxTrackedKeys { get; } = maxTrackedKeys >= 1 ? maxTrackedKeys : throw new ArgumentOutOfRangeException(nameof(maxTrackedKeys));

    /// <summary>How many keys are tracked now (never more than <see cref="MaxTrackedKeys"/> + one overflow key per event).</summary>
    public int TrackedKeys
    {
        get
        {
            lock (_lock)
            {
                return _tallies.Count;
            }
        }
    }

    /// <summary>
    /// Records one occurrence of <paramref name="eventName"/> for <paramref name="key"/>. True when it should be
    /// logged now, with <paramref name="count"/> = the occurrences this line stands for (this one and those held
    /// back since the previous line for the key); false when it is only counted.
    /// </summary>
    public bool ShouldLog(string eventName, string key, out int count)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            var id = (eventName, key);
            if (!_tallies.ContainsKey(id) && _tallies.Count >= MaxTrackedKeys)
            {
                SweepEndedWindows(now);
                if (_tallies.Count >= MaxTrackedKeys)
                {
                    id = (eventName, OverflowKey);
                }
            }

            if (_tallies.TryGetValue(id, out var tally) && now < tally.WindowStart + Window)
            {
                tally.HeldBack++;
                count = 0;
                return false;
            }

            count = 1 + (tally?.HeldBack ?? 0);
            _tallies[id] = new Tally { WindowStart = now };
            return true;
        }
    }

    // At most once per window: a full table of live keys must not make every new key scan the table.
    private void SweepEndedWindows(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + Window;
        foreach (var (id, tally) in _tallies)
        {
            if (now >= tally.WindowStart + Window)
            {
                _tallies.Remove(id);
            }
        }
    }

    private sealed class Tally
    {
        public DateTimeOffset WindowStart { get; init; }

        public int HeldBack { get; set; }
    }
}
