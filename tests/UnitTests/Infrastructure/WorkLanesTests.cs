using DoubleDibz.Application.Common;
using DoubleDibz.Infrastructure.Concurrency;
using Microsoft.Extensions.Time.Testing;

namespace DoubleDibz.UnitTests.Infrastructure;

/// <summary>The bounded work queue under the password hasher: admission, slots always given back, stall detection.</summary>
public class WorkLanesTests
{
    [Test]
    public async Task Work_beyond_the_running_and_queued_bound_is_refused_at_once_with_a_retry_hint()
    {
        var gate = new Gate();
        using var lanes = new WorkLanes("test", lanes: 1, maxQueued: 1);
        var running = lanes.RunAsync(gate.Pass, CancellationToken.None);  // takes the only slot
        gate.Entered.Wait();
        var queued = lanes.RunAsync(() => 2, CancellationToken.None);  // waits for it

        var refused = Assert.Throws<ServiceBusyException>(() => lanes.RunAsync(() => 3, CancellationToken.None));

        Assert.That(refused!.Message, Is.EqualTo("The test's queue is full."));
        Assert.That(refused.RetryAfter, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(lanes.IsSaturated(out var retryAfter), Is.True);
        Assert.That(retryAfter, Is.EqualTo(refused.RetryAfter));
        gate.Open();
        Assert.That(await Task.WhenAll(running, queued), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public async Task Work_is_admitted_again_once_the_queue_has_drained()
    {
        using var lanes = new WorkLanes("test", lanes: 1, maxQueued: 0);
        await lanes.RunAsync(() => 1, CancellationToken.None);

        Assert.That(lanes.IsSaturated(out var retryAfter), Is.False);
        Assert.That(retryAfter, Is.EqualTo(TimeSpan.Zero));
        Assert.That(await lanes.RunAsync(() => 2, CancellationToken.None), Is.EqualTo(2));
    }

    [Test]
    public async Task Work_that_fails_gives_its_slot_back_and_its_exception_to_the_caller()
    {
        using var lanes = new WorkLanes("test", lanes: 1, maxQueued: 0);

        await Assert.ThrowsAsync<InvalidOperationException>(() => lanes.RunAsync<int>(() => throw new InvalidOperationException("a bug"), CancellationToken.None));

        Assert.That(lanes.InFlight, Is.Zero);
        Assert.That(await lanes.RunAsync(() => 2, CancellationToken.None), Is.EqualTo(2), "admitted again, not refused as busy");
    }

    [Test]
    public async Task A_caller_that_leaves_while_waiting_gives_its_slot_back_and_its_work_never_runs()
    {
        var gate = new Gate();
        using var lanes = new WorkLanes("test", lanes: 1, maxQueued: 1);
        var running = lanes.RunAsync(gate.Pass, CancellationToken.None);
        gate.Entered.Wait();
        using var leaving = new CancellationTokenSource();
        var ran = false;
        var waiting = lanes.RunAsync(() => ran = true, leaving.Token);

        await leaving.CancelAsync();
        gate.Open();

        await running;
        await Assert.CatchAsync<OperationCanceledException>(() => waiting);
        Assert.That(lanes.InFlight, Is.Zero);
        Assert.That(ran, Is.False);
    }

    [Test]
    public async Task The_after_each_success_hook_runs_once_per_succeeded_item_only()
    {
        var calls = 0;
        using var lanes = new WorkLanes("test", lanes: 1, maxQueued: 0, afterEachSuccess: () => Interlocked.Increment(ref calls));

        await lanes.RunAsync(() => 1, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => lanes.RunAsync<int>(() => throw new InvalidOperationException(), CancellationToken.None));
        await lanes.RunAsync(() => 2, CancellationToken.None);
        SpinWait.SpinUntil(() => Volatile.Read(ref calls) == 2, TimeSpan.FromSeconds(5)); // the hook runs after the caller has its result

        Assert.That(Volatile.Read(ref calls), Is.EqualTo(2));
    }

    [Test]
    public void Lanes_stop_taking_work_once_disposed_and_hold_no_slot_for_it()
    {
        var lanes = new WorkLanes("test", lanes: 1, maxQueued: 0);
        lanes.Dispose();

        Assert.Throws<InvalidOperationException>(() => lanes.RunAsync(() => 1, CancellationToken.None));
        Assert.That(lanes.InFlight, Is.Zero);
    }

    [Test]
    public void The_lanes_are_stalled_when_callers_wait_and_nothing_finishes_for_the_stall_timeout()
    {
        var gate = new Gate();
        var clock = new FakeTimeProvider();
        using var lanes = new WorkLanes("test", lanes: 1, maxQueued: 1, clock);
        var working = lanes.RunAsync(gate.Pass, CancellationToken.None);
        gate.Entered.Wait();

        clock.Advance(TimeSpan.FromSeconds(31));

        Assert.That(lanes.IsStalled(TimeSpan.FromSeconds(30)), Is.True);
        gate.Open();
        Assert.That(async () => await working, Throws.Nothing);
    }

    [Test]
    public async Task The_lanes_are_not_stalled_once_work_finishes_or_when_idle()
    {
        var gate = new Gate();
        var clock = new FakeTimeProvider();
        using var lanes = new WorkLanes("test", lanes: 1, maxQueued: 1, clock);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.That(lanes.IsStalled(TimeSpan.FromSeconds(30)), Is.False, "idle");

        var working = lanes.RunAsync(gate.Pass, CancellationToken.None);
        gate.Entered.Wait();
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.That(lanes.IsStalled(TimeSpan.FromSeconds(30)), Is.False, "busy for less than the timeout");

        gate.Open();
        await working;
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.That(lanes.IsStalled(TimeSpan.FromSeconds(30)), Is.False, "finished");
    }

    [TestCase(0, 0)]
    [TestCase(1, -1)]
    public void Lanes_need_at_least_one_lane_and_a_queue_of_zero_or_more(int count, int maxQueued)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkLanes("test", count, maxQueued).Dispose());
    }

    /// <summary>Work that holds its lane until <see cref="Open"/>; <see cref="Entered"/> is set when a lane runs it.</summary>
    private sealed class Gate
    {
        private readonly ManualResetEventSlim _gate = new();

        public ManualResetEventSlim Entered { get; } = new();

        public void Open() => _gate.Set();

        public int Pass()
        {
            Entered.Set();
            _gate.Wait();
            return 1;
        }
    }
}
