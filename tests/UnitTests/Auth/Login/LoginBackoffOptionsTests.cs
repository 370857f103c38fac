using DoubleDibz.Application.Auth.Login;

namespace DoubleDibz.UnitTests.Auth.Login;

public class LoginBackoffOptionsTests
{
    private readonly LoginBackoffOptions _options = new();

    [TestCase(1)]
    [TestCase(4)]
    public void The_first_four_attempts_are_free(int attempts) =>
        Assert.That(_options.LockAfter(attempts), Is.Null);

    [TestCase(5, 30)]
    [TestCase(6, 60)]
    [TestCase(7, 120)]
    [TestCase(9, 480)]
    public void From_the_fifth_attempt_each_further_one_doubles_the_lock(int attempts, int seconds) =>
        Assert.That(_options.LockAfter(attempts), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [TestCase(10)]
    [TestCase(1000)]
    [TestCase(int.MaxValue)]
    public void The_lock_never_exceeds_fifteen_minutes(int attempts) =>
        Assert.That(_options.LockAfter(attempts), Is.EqualTo(TimeSpan.FromMinutes(15)));

    [Test]
    public void The_lock_schedule_lists_each_delay_once_up_to_the_cap() =>
        Assert.That(_options.LockSchedule(), Is.EqualTo(new[] { 30, 60, 120, 240, 480, 900 }.Select(s => TimeSpan.FromSeconds(s))));

    [Test]
    public void The_lock_schedule_is_one_entry_when_the_first_lock_is_already_the_cap() =>
        Assert.That(new LoginBackoffOptions { InitialDelay = TimeSpan.FromMinutes(20) }.LockSchedule(), Is.EqualTo(new[] { TimeSpan.FromMinutes(15) }));

    private readonly LoginBackoffOptions _noReachableCap = new() { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromDays(100_000) };

    [Test]
    public void The_lock_stops_doubling_after_thirty_doublings_even_below_the_cap() =>
        Assert.That(_noReachableCap.LockAfter(5 + 40), Is.EqualTo(TimeSpan.FromSeconds(Math.Pow(2, 30))));

    [Test]
    public void The_lock_schedule_ends_after_thirty_doublings_when_the_cap_is_out_of_reach() =>
        Assert.That(_noReachableCap.LockSchedule(), Is.EqualTo(Enumerable.Range(0, 31).Select(d => TimeSpan.FromSeconds(Math.Pow(2, d)))));

    [Test]
    public void Free_failures_come_from_configuration() =>
        Assert.That((new LoginBackoffOptions { FreeFailures = 2 }.LockAfter(1), new LoginBackoffOptions { FreeFailures = 2 }.LockAfter(2)),
            Is.EqualTo(((TimeSpan?)null, (TimeSpan?)TimeSpan.FromSeconds(30))));
}
