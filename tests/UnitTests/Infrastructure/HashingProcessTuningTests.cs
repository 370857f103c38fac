using DoubleDibz.Infrastructure.Passwords;

namespace DoubleDibz.UnitTests.Infrastructure;

public class HashingProcessTuningTests
{
    private static int PoolMinimum()
    {
        ThreadPool.GetMinThreads(out var workers, out _);
        return workers;
    }

    [Test]
    public void An_engine_that_computes_on_the_pool_raises_its_minimum_by_lanes_times_parallelism_until_disposed()
    {
        var before = PoolMinimum();

        var tuning = new HashingProcessTuning(new Argon2EngineFootprint(ComputesOnThreadPool: true, AllocatesMatrixOnManagedHeap: false), lanes: 2, parallelism: 3);
        var during = PoolMinimum();
        tuning.Dispose();
        tuning.Dispose();

        Assert.That((during, PoolMinimum()), Is.EqualTo((before + 6, before)));
    }

    [Test]
    public void An_engine_that_stays_off_the_pool_leaves_its_minimum_alone()
    {
        var before = PoolMinimum();

        using var tuning = new HashingProcessTuning(new Argon2EngineFootprint(ComputesOnThreadPool: false, AllocatesMatrixOnManagedHeap: false), lanes: 2, parallelism: 1);

        Assert.That(PoolMinimum(), Is.EqualTo(before));
    }

    [TestCase(true, 1)]
    [TestCase(false, 0)]
    public void Only_an_engine_whose_matrices_live_on_the_managed_heap_gets_a_gen2_collection_after_each_hash(bool managedHeap, int collections)
    {
        using var tuning = new HashingProcessTuning(new Argon2EngineFootprint(ComputesOnThreadPool: false, AllocatesMatrixOnManagedHeap: managedHeap), lanes: 1, parallelism: 1);
        var before = GC.CollectionCount(2);

        tuning.AfterHash();

        Assert.That(GC.CollectionCount(2) - before, Is.EqualTo(collections));
    }
}
