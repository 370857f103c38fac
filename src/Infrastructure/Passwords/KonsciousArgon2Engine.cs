using Konscious.Security.Cryptography;

namespace DoubleDibz.Infrastructure.Passwords;

/// <summary>
/// Argon2id by Konscious (managed code; <c>PasswordHashing:Engine</c> = <c>Konscious</c>, the default). It computes
/// on the thread pool whatever API is used (<c>Task.Run</c> inside) and allocates each derivation's memory matrix
/// afresh as one array on the large object heap.
/// </summary>
public sealed class KonsciousArgon2Engine : IArgon2Engine
{
    public Argon2EngineFootprint Footprint { get; } = new(ComputesOnThreadPool: true, AllocatesMatrixOnManagedHeap: true);

    public byte[] Derive(byte[] secret, byte[] salt, Argon2Parameters parameters, int length)
    {
        using var argon2 = new Argon2id(secret)
        {
            Salt = salt,
            MemorySize = parameters.MemoryKiB,
            Iterations = parameters.Iterations,
            DegreeOfParallelism = parameters.Parallelism,
        };

        // The synchronous API: the lane has nothing else to do meanwhile, and it is ~25% faster than GetBytesAsync.
        return argon2.GetBytes(length);
    }
}
