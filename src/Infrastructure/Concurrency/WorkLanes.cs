using System.Collections.Concurrent;
using System.Diagnostics;
using DoubleDibz.Application.Common;

namespace DoubleDibz.Infrastructure.Concurrency;

/// <summary>
/// A bounded work queue served by a fixed number of dedicated threads (lanes), for expensive synchronous work that
/// must not run on the thread pool nor pile up without bound.
/// <para>
/// At most <c>lanes</c> items run at once and at most <c>maxQueued</c> more wait; any beyond that are refused at
/// once with <see cref="ServiceBusyException"/> and an estimate of when to retry (<see cref="IsSaturated"/> lets a
/// caller refuse them even earlier). Every admitted item gives its slot back exactly once, in a <c>finally</c>,
/// whatever happens to it: it runs, fails, or its caller leaves while it waits. <see cref="IsStalled"/> tells when
/// items are waiting and none has finished for a while (the lanes are wedged).
/// </para>
/// </summary>
public sealed class WorkLanes : IDisposable
{
    private readonly string _name;
    private readonly int _lanes;
    private readonly int _capacity;
    private readonly TimeProvider _clock;
    private readonly Action? _afterEachSuccess;
    private readonly BlockingCollection<WorkItem> _queue = new(new ConcurrentQueue<WorkItem>());
    private int _admitted; // running + waiting
    private long _lastProgress; // TimeProvider timestamp of the last completion, or of the start of a busy spell
    private long _averageTicks = TimeSpan.FromMilliseconds(100).Ticks; // a moving average, for Retry-After

    /// <param name="name">What the lanes serve, for messages and thread names (e.g. "password hasher").</param>
    /// <param name="lanes">Items that may run at once, each on its own dedicated thread.</param>
    /// <param name="maxQueued">Items that may wait for a free lane.</param>
    /// <param name="clock">Time for <see cref="IsStalled"/>.</param>
    /// <param name="afterEachSuccess">
    /// Run on the lane after each item that succeeded, once its caller has been given the result (e.g. to reclaim
    /// what the work left behind).
    /// </param>
    public WorkLanes(string name, int lanes, int maxQueued, TimeProvider? clock = null, Action? afterEachSuccess = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueued);
        _name = name;
        _lanes = lanes;
        _capacity = lanes + maxQueued;
        _clock = clock ?? TimeProvider.System;
        _afterEachSuccess = afterEachSuccess;
        _lastProgress = _clock.GetTimestamp();
        for (var lane = 0; lane < lanes; lane++)
        {
            new Thread(RunLane) { IsBackground = true, Name = $"{name} lane {lane}" }.Start();
        }
    }

    /// <summary>Items admitted and not yet finished (running or waiting for a lane).</summary>
    public int InFlight => Volatile.Read(ref _admitted);

    /// <summary>
    /// Queues <paramref name="work"/> for the next free lane. Throws <see cref="ServiceBusyException"/> at once when
    /// every lane is busy and the queue is full. If <paramref name="cancellationToken"/> is cancelled before a lane
    /// picks the item up, the work never runs and the task is cancelled; once running, it runs to its end.
    /// </summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        Admit();
        try
        {
            var item = new WorkItem<T>(work, cancellationToken);
            _queue.Add(item, CancellationToken.None);
            return item.Result.Task;
        }
        catch
        {
            Release(); // not queued (the lanes are shutting down): nobody else will give the slot back
            throw;
        }
    }

    /// <summary>True when an item queued now would be refused, with how long to wait.</summary>
    public bool IsSaturated(out TimeSpan retryAfter)
    {
        var saturated = Volatile.Read(ref _admitted) >= _capacity;
        retryAfter = saturated ? EstimatedWait() : TimeSpan.Zero;
        return saturated;
    }

    /// <summary>
    /// True when items are waiting and none has finished for longer than <paramref name="after"/>: the lanes are
    /// wedged, and only a restart will help.
    /// </summary>
    public bool IsStalled(TimeSpan after) =>
        InFlight > 0 && _clock.GetElapsedTime(Interlocked.Read(ref _lastProgress)) > after;

    /// <summary>Stops taking work; the lanes finish what is queued, then end.</summary>
    public void Dispose()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
        }
    }

    private void Admit()
    {
        var admitted = Interlocked.Increment(ref _admitted);
        if (admitted > _capacity)
        {
            Interlocked.Decrement(ref _admitted);
            throw new ServiceBusyException($"The {_name}'s queue is full.", EstimatedWait());
        }

        if (admitted == 1)
        {
            Interlocked.Exchange(ref _lastProgress, _clock.GetTimestamp()); // a busy spell starts now
        }
    }

    private void Release()
    {
        Interlocked.Exchange(ref _lastProgress, _clock.GetTimestamp());
        Interlocked.Decrement(ref _admitted);
    }

    private void RunLane()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            var abandoned = item.Cancellation.IsCancellationRequested; // the caller left while it waited
            try
            {
                if (!abandoned)
                {
                    var started = Stopwatch.GetTimestamp();
                    if (item.Run())
                    {
                        RecordDuration(Stopwatch.GetElapsedTime(started));
                    }
                }
            }
            finally
            {
                // The slot is freed before the caller hears back, so a caller that queues again at once finds room.
                Release();
            }

            if (item.Complete(abandoned))
            {
                _afterEachSuccess?.Invoke();
            }
        }
    }

    // A full queue drains in about (capacity / lanes) item times; a client retrying after that finds room.
    private TimeSpan EstimatedWait()
    {
        var drain = TimeSpan.FromTicks(Interlocked.Read(ref _averageTicks) * _capacity / _lanes);
        return drain > TimeSpan.FromSeconds(1) ? drain : TimeSpan.FromSeconds(1);
    }

    private void RecordDuration(TimeSpan elapsed)
    {
        // Exponential moving average (1/8 weight); a lost update under contention only skews an estimate.
        var average = Interlocked.Read(ref _averageTicks);
        Interlocked.Exchange(ref _averageTicks, average + ((elapsed.Ticks - average) / 8));
    }

    private abstract class WorkItem(CancellationToken cancellation)
    {
        public CancellationToken Cancellation { get; } = cancellation;

        /// <summary>Runs the work on the lane, keeping its outcome; never throws. True when it succeeded.</summary>
        public abstract bool Run();

        /// <summary>Hands the outcome to the caller; true when the work ran and succeeded.</summary>
        public abstract bool Complete(bool abandoned);
    }

    private sealed class WorkItem<T>(Func<T> work, CancellationToken cancellation) : WorkItem(cancellation)
    {
        private T? _value;
        private Exception? _failure;

        // Continuations run on the pool, never inline on a lane.
        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool Run()
        {
            try
            {
                _value = work();
                return true;
            }
            catch (Exception exception)
            {
                _failure = exception;
                return false;
            }
        }

        public override bool Complete(bool abandoned)
        {
            if (abandoned)
            {
                Result.TrySetCanceled(Cancellation);
                return false;
            }

            if (_failure is not null)
            {
                Result.TrySetException(_failure);
                return false;
            }

            Result.TrySetResult(_value!);
            return true;
        }
    }
}
