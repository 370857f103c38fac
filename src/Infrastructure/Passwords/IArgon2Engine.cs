namespace DoubleDibz.Infrastructure.Passwords;

/// <summary>
/// One Argon2id derivation (version 19), synchronously, on the calling thread (a hashing lane): the bytes
/// for a password, a salt and cost parameters. Every engine gives the same bytes for the same inputs, so the PHC
/// strings one engine makes are verified by any other.
/// </summary>
public interface IArgon2Engine
{
    /// <summary>What each derivation does to the process around it (see <see cref="HashingProcessTuning"/>).</summary>
    Argon2EngineFootprint Footprint { get; }

    byte[] Derive(byte[] secret, byte[] salt, Argon2Parameters parameters, int length);
}

/// <param name="ComputesOnThreadPool">A derivation occupies <see cref="Argon2Parameters.Parallelism"/> thread-pool threads while it runs.</param>
/// <param name="AllocatesMatrixOnManagedHeap">A derivation allocates its whole memory matrix afresh on the managed heap.</param>
public readonly record struct Argon2EngineFootprint(bool ComputesOnThreadPool, bool AllocatesMatrixOnManagedHeap);
