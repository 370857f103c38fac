namespace DoubleDibz.Infrastructure.Passwords;

/// <summary>Argon2id cost (configuration section <c>PasswordHashing</c>). Defaults are OWASP's: m=19456 KiB, t=2, p=1.</summary>
public sealed class Argon2Options
{
    public const string SectionName = "PasswordHashing";

    /// <summary>
    /// Which Argon2id implementation derives the hashes: <see cref="Argon2Engines.Konscious"/> (managed, the default)
    /// or <see cref="Argon2Engines.Libsodium"/> (native). Both give the same bytes, so it can be switched at any time.
    /// </summary>
    public string Engine { get; set; } = Argon2Engines.Konscious;

    public int MemoryKiB { get; set; } = 19456;

    public int Iterations { get; set; } = 2;

    public int Parallelism { get; set; } = 1;

    /// <summary>How many hashes may run at once; each holds <see cref="MemoryKiB"/> of memory while it runs.</summary>
    public int MaxConcurrentHashes { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// How many more may wait for a free slot. Beyond that, a request is refused at once with 503 and Retry-After
    /// instead of piling up; a waiting request holds no hashing memory.
    /// </summary>
    public int MaxQueuedHashes { get; set; } = 8 * Environment.ProcessorCount;

    /// <summary>
    /// <c>/readyz</c> answers 503 when callers have waited this long and no hash has finished meanwhile: the hasher is
    /// wedged, and an orchestrator should restart the instance.
    /// </summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call the saturated hasher cannot take is held before its 503 (0: refused at once).</summary>
    public TimeSpan RefusalDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The most refusals held at once; beyond it a refusal is answered at once, so holding stays bounded.</summary>
    public int MaxHeldRefusals { get; set; } = 1000;
}
