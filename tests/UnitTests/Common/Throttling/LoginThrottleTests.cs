using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Throttling;
using DoubleDibz.UnitTests.TestData;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DoubleDibz.UnitTests.Common.Throttling;

public class LoginThrottleTests
{
    private static readonly LoginAttemptKey Key = LoginAttemptKey.ForUser(7);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly Mock<ILoginAttemptStore> _store = new();

    [TestCase(1)]
    [TestCase(4)]
    public async Task The_first_four_failures_are_free(int failures)
    {
        StoreCounts(failures);

        var backoff = await A.LoginThrottle(_store.Object, _clock).RecordFailureAsync(Key, CancellationToken.None);

        Assert.That(backoff, Is.Null);
        _store.Verify(s => s.LockAsync(It.IsAny<LoginAttemptKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task The_fifth_consecutive_failure_locks_the_key_for_thirty_seconds()
    {
        StoreCounts(5);

        var backoff = await A.LoginThrottle(_store.Object, _clock).RecordFailureAsync(Key, CancellationToken.None);

        Assert.That(backoff, Is.EqualTo(TimeSpan.FromSeconds(30)));
        _store.Verify(s => s.LockAsync(Key, _clock.GetUtcNow().AddSeconds(30), It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase(6, 60)]
    [TestCase(7, 120)]
    [TestCase(9, 480)]
    public void Each_further_failure_doubles_the_delay(int failures, int seconds) =>
        Assert.That(A.LoginThrottle(_store.Object, _clock).DelayAfter(failures), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [TestCase(10)]
    [TestCase(1000)]
    [TestCase(int.MaxValue)]
    public void The_delay_never_exceeds_fifteen_minutes(int failures) =>
        Assert.That(A.LoginThrottle(_store.Object, _clock).DelayAfter(failures), Is.EqualTo(TimeSpan.FromMinutes(15)));

    [Test]
    public async Task Failures_older_than_a_day_are_forgotten_by_the_store()
    {
        StoreCounts(1);

        await A.LoginThrottle(_store.Object, _clock).RecordFailureAsync(Key, CancellationToken.None);

        _store.Verify(s => s.AddFailureAsync(Key, _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(-1), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_lock_in_the_future_tells_how_long_to_wait()
    {
        _store.Setup(s => s.FindLockedUntilAsync(Key, It.IsAny<CancellationToken>())).ReturnsAsync(_clock.GetUtcNow().AddSeconds(42));

        var status = await A.LoginThrottle(_store.Object, _clock).CheckAsync(Key, CancellationToken.None);

        Assert.That(status.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(42)));
    }

    [Test]
    public async Task An_expired_lock_lets_the_login_through()
    {
        _store.Setup(s => s.FindLockedUntilAsync(Key, It.IsAny<CancellationToken>())).ReturnsAsync(_clock.GetUtcNow());

        var status = await A.LoginThrottle(_store.Object, _clock).CheckAsync(Key, CancellationToken.None);

        Assert.That(status.RetryAfter, Is.Null);
        Assert.That(status.HasFailures, Is.True);
    }

    [Test]
    public async Task A_key_with_no_record_has_no_failures_and_no_wait()
    {
        var status = await A.LoginThrottle(_store.Object, _clock).CheckAsync(Key, CancellationToken.None);

        Assert.That(status, Is.EqualTo(new LoginAttemptStatus(HasFailures: false, RetryAfter: null)));
    }

    [Test]
    public void Unknown_logins_are_keyed_by_a_hash_that_ignores_case_and_never_holds_the_text()
    {
        var key = LoginAttemptKey.ForUnknownLogin(" Hunter2Password ");

        Assert.That(key, Is.EqualTo(LoginAttemptKey.ForUnknownLogin("hunter2password")));
        Assert.That(key.Value, Does.Not.Contain("unter2").IgnoreCase);
    }

    private void StoreCounts(int failures) =>
        _store.Setup(s => s.AddFailureAsync(Key, It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(failures);
}
