using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.UnitTests.TestData;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DoubleDibz.UnitTests.Auth.Login;

public class LoginThrottleTests
{
    private static readonly LoginAttemptKey Key = LoginAttemptKey.ForUser(7);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly Mock<ILoginAttemptStore> _store = new();

    [Test]
    public async Task An_attempt_counted_while_free_is_admitted_and_starts_no_lock()
    {
        StoreCounts(attempts: 3, lockedUntil: DateTimeOffset.UnixEpoch);

        var admission = await A.LoginThrottle(_store.Object, _clock).BeginAsync(Key, CancellationToken.None);

        Assert.That(admission, Is.EqualTo(new LoginAttemptAdmission(RetryAfter: null, LockIfFailed: null)));
    }

    [Test]
    public async Task The_attempt_whose_count_starts_a_lock_is_admitted_and_says_how_long_the_lock_is()
    {
        StoreCounts(attempts: 5, lockedUntil: _clock.GetUtcNow().AddSeconds(30));

        var admission = await A.LoginThrottle(_store.Object, _clock).BeginAsync(Key, CancellationToken.None);

        Assert.That(admission, Is.EqualTo(new LoginAttemptAdmission(RetryAfter: null, LockIfFailed: TimeSpan.FromSeconds(30))));
    }

    [Test]
    public async Task An_attempt_on_a_locked_key_is_refused_with_the_time_left()
    {
        _store.Setup(s => s.FindLockedUntilAsync(Key, It.IsAny<CancellationToken>())).ReturnsAsync(_clock.GetUtcNow().AddSeconds(42));

        var admission = await A.LoginThrottle(_store.Object, _clock).BeginAsync(Key, CancellationToken.None);

        Assert.That(admission.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(42)));
    }

    [Test]
    public async Task A_refused_attempt_whose_lock_has_just_ended_waits_a_second()
    {
        _store.Setup(s => s.FindLockedUntilAsync(Key, It.IsAny<CancellationToken>())).ReturnsAsync((DateTimeOffset?)null);

        var admission = await A.LoginThrottle(_store.Object, _clock).BeginAsync(Key, CancellationToken.None);

        Assert.That(admission.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task Attempts_are_counted_at_the_current_time_under_the_configured_policy()
    {
        StoreCounts(attempts: 1, lockedUntil: DateTimeOffset.UnixEpoch);

        await A.LoginThrottle(_store.Object, _clock).BeginAsync(Key, CancellationToken.None);

        _store.Verify(s => s.TryCountAsync(Key, _clock.GetUtcNow(), It.Is<LoginBackoffOptions>(o => o.FreeFailures == 5), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_success_clears_the_key()
    {
        await A.LoginThrottle(_store.Object, _clock).SucceededAsync(Key, CancellationToken.None);

        _store.Verify(s => s.ClearAsync(Key, It.IsAny<CancellationToken>()), Times.Once);
    }

    private void StoreCounts(int attempts, DateTimeOffset lockedUntil) =>
        _store.Setup(s => s.TryCountAsync(Key, It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(attempts, lockedUntil));

    [Test]
    public async Task An_attempt_whose_stored_lock_ends_exactly_now_starts_no_lock()
    {
        StoreCounts(attempts: 7, lockedUntil: _clock.GetUtcNow());

        var admission = await A.LoginThrottle(_store.Object, _clock).BeginAsync(Key, CancellationToken.None);

        Assert.That(admission.LockIfFailed, Is.Null);
    }

    [Test]
    public async Task A_refused_attempt_with_less_than_a_second_left_waits_a_second()
    {
        _store.Setup(s => s.FindLockedUntilAsync(Key, It.IsAny<CancellationToken>())).ReturnsAsync(_clock.GetUtcNow().AddMilliseconds(300));

        var admission = await A.LoginThrottle(_store.Object, _clock).BeginAsync(Key, CancellationToken.None);

        Assert.That(admission, Is.EqualTo(new LoginAttemptAdmission(RetryAfter: TimeSpan.FromSeconds(1), LockIfFailed: null)));
    }
}
