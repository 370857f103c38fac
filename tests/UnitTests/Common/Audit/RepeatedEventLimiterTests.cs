using DoubleDibz.Application.Common.Audit;
using Microsoft.Extensions.Time.Testing;

namespace DoubleDibz.UnitTests.Common.Audit;

public class RepeatedEventLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public void The_first_occurrence_is_logged_at_once_with_a_count_of_one()
    {
        var limiter = new RepeatedEventLimiter(_clock, Window, 10);

        var logged = limiter.ShouldLog("CsrfRejected", "10.0.0.1", out var count);

        Assert.That(logged, Is.True);
        Assert.That(count, Is.EqualTo(1));
    }

    [Test]
    public void Repeats_within_the_window_are_only_counted()
    {
        var limiter = new RepeatedEventLimiter(_clock, Window, 10);
        limiter.ShouldLog("CsrfRejected", "10.0.0.1", out _);

        var logged = Enumerable.Range(0, 49).Select(_ =>
        {
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            return limiter.ShouldLog("CsrfRejected", "10.0.0.1", out _);
        }).ToList();

        Assert.That(logged, Is.All.False);
    }

    [Test]
    public void The_first_occurrence_after_the_window_is_logged_with_the_repeats_held_back()
    {
        var limiter = new RepeatedEventLimiter(_clock, Window, 10);
        for (var i = 0; i < 5; i++)
        {
            limiter.ShouldLog("CsrfRejected", "10.0.0.1", out _);
        }

        _clock.Advance(Window);
        var logged = limiter.ShouldLog("CsrfRejected", "10.0.0.1", out var count);

        Assert.That(logged, Is.True);
        Assert.That(count, Is.EqualTo(5), "four held back plus this one");
    }

    [Test]
    public void Clients_and_events_are_counted_separately()
    {
        var limiter = new RepeatedEventLimiter(_clock, Window, 10);
        limiter.ShouldLog("CsrfRejected", "10.0.0.1", out _);

        var otherClient = limiter.ShouldLog("CsrfRejected", "10.0.0.2", out _);
        var otherEvent = limiter.ShouldLog("RateLimited", "10.0.0.1", out _);

        Assert.That(otherClient, Is.True);
        Assert.That(otherEvent, Is.True);
    }

    [Test]
    public void Beyond_the_cap_new_clients_share_one_overflow_key_so_neither_memory_nor_the_log_grows()
    {
        var limiter = new RepeatedEventLimiter(_clock, Window, 100);
        var logged = 0;

        for (var i = 0; i < 10_000; i++)
        {
            logged += limiter.ShouldLog("CsrfRejected", $"client {i}", out _) ? 1 : 0;
        }

        Assert.That(limiter.TrackedKeys, Is.LessThanOrEqualTo(101));
        Assert.That(logged, Is.EqualTo(101), "one line per tracked client, and one for all the others");
    }

    [Test]
    public void Keys_whose_window_has_passed_make_room_for_new_clients()
    {
        var limiter = new RepeatedEventLimiter(_clock, Window, 2);
        limiter.ShouldLog("CsrfRejected", "a", out _);
        limiter.ShouldLog("CsrfRejected", "b", out _);

        _clock.Advance(Window);
        limiter.ShouldLog("CsrfRejected", "c", out _);
        var logged = limiter.ShouldLog("CsrfRejected", "c", out _);

        Assert.That(logged, Is.False, "c has a key of its own again, in its window");
        Assert.That(limiter.TrackedKeys, Is.EqualTo(1));
    }

    [Test]
    public void The_default_window_is_a_minute_and_the_default_cap_ten_thousand_keys()
    {
        var limiter = new RepeatedEventLimiter(_clock);

        Assert.That((limiter.Window, limiter.MaxTrackedKeys), Is.EqualTo((TimeSpan.FromMinutes(1), 10_000)));
    }

    [Test]
    public void A_window_of_zero_is_refused()
    {
        Assert.That(() => new RepeatedEventLimiter(_clock, TimeSpan.Zero, 10), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_cap_below_one_key_is_refused_and_one_key_is_accepted()
    {
        Assert.That(() => new RepeatedEventLimiter(_clock, Window, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(new RepeatedEventLimiter(_clock, Window, 1).MaxTrackedKeys, Is.EqualTo(1));
    }

    [Test]
    public void An_occurrence_just_before_the_window_ends_is_still_held_back()
    {
        var limiter = new RepeatedEventLimiter(_clock, Window, 10);
        limiter.ShouldLog("CsrfRejected", "10.0.0.1", out _);

        _clock.Advance(Window - TimeSpan.FromTicks(1));
        var logged = limiter.ShouldLog("CsrfRejected", "10.0.0.1", out var count);

        Assert.That((logged, count), Is.EqualTo((false, 0)));
    }

    [Test]
    public void A_full_table_is_swept_at_most_once_per_window()
    {
        var limiter = new RepeatedEventLimiter(_clock, Window, 2);
        limiter.ShouldLog("CsrfRejected", "a", out _);
        _clock.Advance(Window / 2);
        limiter.ShouldLog("CsrfRejected", "x", out _);
        _clock.Advance(Window / 2);
        limiter.ShouldLog("CsrfRejected", "c", out _); // sweeps a (ended), keeps x

        _clock.Advance(Window * 0.6); // x has ended, but the next sweep is not due yet
        limiter.ShouldLog("CsrfRejected", "d", out _);

        Assert.That(limiter.TrackedKeys, Is.EqualTo(3), "x and c, and d under the overflow key");
    }

    [Test]
    public void A_full_table_is_swept_again_once_a_window_has_passed_since_the_last_sweep()
    {
        var limiter = new RepeatedEventLimiter(_clock, Window, 2);
        limiter.ShouldLog("CsrfRejected", "a", out _);
        _clock.Advance(Window / 2);
        limiter.ShouldLog("CsrfRejected", "x", out _);
        _clock.Advance(Window / 2);
        limiter.ShouldLog("CsrfRejected", "c", out _); // sweeps a, keeps x

        _clock.Advance(Window); // exactly when the next sweep is due: x and c have ended
        limiter.ShouldLog("CsrfRejected", "d", out _);

        Assert.That(limiter.TrackedKeys, Is.EqualTo(1), "only d");
    }

    [Test]
    public void A_client_already_tracked_when_the_table_is_full_keeps_its_own_key()
    {
        var limiter = new RepeatedEventLimiter(_clock, Window, 2);
        limiter.ShouldLog("CsrfRejected", "a", out _);
        limiter.ShouldLog("CsrfRejected", "b", out _);

        var logged = limiter.ShouldLog("CsrfRejected", "b", out _);

        Assert.That((logged, limiter.TrackedKeys), Is.EqualTo((false, 2)));
    }
}
