namespace DoubleDibz.Infrastructure.Passwords;

/// <summary>
/// The process-wide settings an Argon2 engine's <see cref="Argon2EngineFootprint"/> calls for, held while the
/// hasher lives. Nothing here knows Argon2 itself; it compensates for what an engine does to the process.
/// <list type="bullet">
/// <item>An engine that computes on the thread pool gets the pool's minimum raised by the threads its derivations
/// occupy (lanes × parallelism): otherwise two ~100 ms hashes took both of a 2-core machine's pool threads and
/// requests waited for the pool to grow. Given back on <see cref="Dispose"/>.</item>
/// <item>An engine that allocates each matrix (19 MiB by default) afresh on the large object heap gets a gen-2
/// collection after each derivation: under load the GC let hundreds of MiB of dead matrices pile up before it looked
/// there, and a login flood took the process past 350 MiB. It is cheap: the matrices hold no references and the LOH
/// is not compacted, so there is little to mark and nothing to copy.</item>
/// </list>
/// </summary>
public sealed class HashingProcessTuning : IDisposable
{
    private readonly bool _collectAfterEachHash;
    private int _poolThreadsAdded;

    public HashingProcessTuning(Argon2EngineFootprint footprint, int lanes, int parallelism)
    {
        _collectAfterEachHash = footprint.AllocatesMatrixOnManagedHeap;
        _poolThreadsAdded = footprint.ComputesOnThreadPool ? lanes * parallelism : 0;
        AdjustPoolMinimum(_poolThreadsAdded);
    }

    /// <summary>Called on the hashing lane after each derivation that succeeded, once its caller has the result.</summary>
    public void AfterHash()
    {
        if (_collectAfterEachHash)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        }
    }

    public void Dispose() => AdjustPoolMinimum(-Interlocked.Exchange(ref _poolThreadsAdded, 0));

    private static void AdjustPoolMinimum(int by)
    {
        if (by == 0)
        {
            return;
        }

        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(1, workers + by), completionPorts);
    }
}
