using System.Security.Cryptography;

namespace DoubleDibz.Infrastructure.Passwords;

/// <summary>
/// Argon2id by libsodium (native code, through Geralt; <c>PasswordHashing:Engine</c> = <c>Libsodium</c>): about
/// 2.5–3× faster than Konscious on this kind of machine, off the thread pool, with its memory matrix outside the
/// managed heap (mapped and unmapped by libsodium for each derivation).
/// <para>
/// libsodium computes only one lane (parallelism 1) and takes only a 16-byte salt. A stored hash outside that (made
/// elsewhere, or under <c>Parallelism</c> &gt; 1 with Konscious) is verified with Konscious instead, so switching
/// engines never locks anyone out; it is then replaced at the next login, like any hash with other parameters.
/// </para>
/// </summary>
public sealed class LibsodiumArgon2Engine : IArgon2Engine
{
    private const int MaxMemoryKiB = int.MaxValue / 1024; // libsodium's limit is in bytes, passed as an int

    private readonly KonsciousArgon2Engine _fallback = new();

    /// <summary>Loads libsodium and checks it against Konscious on a tiny input, so a missing or broken library stops start-up.</summary>
    public LibsodiumArgon2Engine()
    {
        var probe = new Argon2Parameters(MemoryKiB: 8, Iterations: 1, Parallelism: 1);
        var secret = "libsodium self-test"u8.ToArray();
        var salt = new byte[Geralt.Argon2id.SaltSize];
        byte[] native;
        try
        {
            native = Derive(secret, salt, probe, 32);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or NotSupportedException or TypeInitializationException)
        {
            throw new InvalidOperationException(
                $"PasswordHashing:Engine is 'Libsodium' but the native libsodium library could not be used ({exception.Message}); use 'Konscious' or install the package's runtimes/<rid>/native/libsodium.", exception);
        }

        if (!CryptographicOperations.FixedTimeEquals(native, _fallback.Derive(secret, salt, probe, 32)))
        {
            throw new InvalidOperationException("PasswordHashing:Engine is 'Libsodium' but libsodium's Argon2id disagrees with Konscious on a test input.");
        }
    }

    public Argon2EngineFootprint Footprint { get; } = new(ComputesOnThreadPool: false, AllocatesMatrixOnManagedHeap: false);

    /// <summary>True when libsodium can compute this derivation itself.</summary>
    public static bool Supports(Argon2Parameters parameters, int saltLength, int length) =>
        parameters.Parallelism == 1 && saltLength == Geralt.Argon2id.SaltSize && length >= Geralt.Argon2id.MinKeySize
        && parameters.Iterations >= Geralt.Argon2id.MinIterations
        && parameters.MemoryKiB * 1024L >= Geralt.Argon2id.MinMemorySize && parameters.MemoryKiB <= MaxMemoryKiB;

    public byte[] Derive(byte[] secret, byte[] salt, Argon2Parameters parameters, int length)
    {
        if (!Supports(parameters, salt.Length, length))
        {
            return _fallback.Derive(secret, salt, parameters, length);
        }

        var output = new byte[length];
        Geralt.Argon2id.DeriveKey(output, secret, salt, parameters.Iterations, parameters.MemoryKiB * 1024);
        return output;
    }
}
