using DoubleDibz.Infrastructure.Maintenance;

namespace DoubleDibz.UnitTests.Infrastructure;

public class ExpiredRowCleanupTests
{
    [Test]
    public void Rest_after_a_batch_makes_the_sweep_busy_only_its_share_of_the_time()
    {
        var options = new MaintenanceOptions { BusyShare = 0.25, BatchPause = TimeSpan.FromMilliseconds(20) };

        var rest = ExpiredRowCleanup.RestAfter(TimeSpan.FromMilliseconds(40), options);

        Assert.That(rest, Is.EqualTo(TimeSpan.FromMilliseconds(120)));
    }

    [Test]
    public void Rest_after_a_quick_batch_is_at_least_the_batch_pause()
    {
        var options = new MaintenanceOptions { BusyShare = 0.25, BatchPause = TimeSpan.FromMilliseconds(20) };

        var rest = ExpiredRowCleanup.RestAfter(TimeSpan.FromMilliseconds(2), options);

        Assert.That(rest, Is.EqualTo(TimeSpan.FromMilliseconds(20)));
    }

    [Test]
    public void Rest_with_a_busy_share_of_one_is_the_batch_pause_alone()
    {
        var options = new MaintenanceOptions { BusyShare = 1, BatchPause = TimeSpan.FromMilliseconds(5) };

        var rest = ExpiredRowCleanup.RestAfter(TimeSpan.FromSeconds(3), options);

        Assert.That(rest, Is.EqualTo(TimeSpan.FromMilliseconds(5)));
    }
}
