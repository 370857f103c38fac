using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using DoubleDibz.Application.Common;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Users;
using DoubleDibz.Infrastructure.Concurrency;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Infrastructure.Passwords;

/// <summary>
/// Argon2id password hashes with a 16-byte random salt and a 32-byte output, stored as PHC strings
/// (<see cref="Argon2PhcString"/>). It composes three parts:
/// <list type="bullet">
/// <item>an <see cref="IArgon2Engine"/> that derives the bytes (Konscious or libsodium: the same bytes either way);</item>
/// <item><see cref="WorkLanes"/>: at most <see cref="Argon2Options.MaxConcurrentHashes"/> derivations run at once,
/// each on a dedicated thread, which bounds the memory a burst can take (each holds the full Argon2 memory cost);
/// at most <see cref="Argon2Options.MaxQueuedHashes"/> more wait, and any beyond that get
/// <see cref="ServiceBusyException"/> at once (<see cref="IsSaturated"/> lets the host refuse them even earlier);</item>
/// <item><see cref="HashingProcessTuning"/>: what the engine needs from the process (thread-pool minimum, a
/// collection after each hash).</item>
/// </list>
/// The password is normalised and encoded before a slot is taken (text that cannot be normalised is refused
/// first, holding no slot), and its bytes are wiped once the derivation is over, whatever became of it.
/// </summary>
public sealed class Argon2idPasswordHasher : IPasswordHasher, IDisposable
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly Argon2Parameters _parameters;
    private readonly Argon2PhcString _dummy;
    private readonly AuthMetrics? _metrics;
    private readonly IArgon2Engine _engine;
    private readonly HashingProcessTuning _tuning;
    private readonly WorkLanes _lanes;

    public Argon2idPasswordHasher(IOptions<Argon2Options> options, IArgon2Engine? engine = null, TimeProvider? clock = null, AuthMetrics? metrics = null)
    {
        _metrics = metrics;
        _engine = engine ?? new KonsciousArgon2Engine();
        var o = options.Value;
        _parameters = new Argon2Parameters(o.MemoryKiB, o.Iterations, o.Parallelism);

        // Unknown logins are verified against this; it needs no real password, only today's parameters.
        _dummy = Argon2PhcString.Create(_parameters, RandomNumberGenerator.GetBytes(SaltBytes), RandomNumberGenerator.GetBytes(HashBytes));

        _tuning = new HashingProcessTuning(_engine.Footprint, o.MaxConcurrentHashes, o.Parallelism);
        _lanes = new WorkLanes("password hasher", o.MaxConcurrentHashes, o.MaxQueuedHashes, clock, _tuning.AfterHash);
    }

    /// <summary>Hashes admitted and not yet finished (running or waiting for a lane).</summary>
    public int InFlight => _lanes.InFlight;

    public async Task<PasswordHash> HashAsync(string password, CancellationToken cancellationToken)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = await DeriveAsync(password, salt, _parameters, HashBytes, cancellationToken);
        return Argon2PhcString.Create(_parameters, salt, hash).ToPasswordHash();
    }

    public async Task<PasswordVerification> VerifyAsync(string password, PasswordHash? hash, CancellationToken cancellationToken)
    {
        var target = hash is null ? _dummy : Parse(hash);
        var derived = await DeriveAsync(password, target.Salt.ToArray(), target.Parameters, target.Hash.Length, cancellationToken);
        var matches = CryptographicOperations.FixedTimeEquals(derived, target.Hash.Span);

        if (hash is null || !matches)
        {
            return PasswordVerification.Failed;
        }

        return target.Parameters == _parameters && target.Hash.Length == HashBytes
            ? PasswordVerification.Succeeded
            : PasswordVerification.SucceededRehashNeeded;
    }

    public bool IsSaturated(out TimeSpan retryAfter) => _lanes.IsSaturated(out retryAfter);

    /// <summary>
    /// True when callers are waiting and no derivation has finished for longer than <paramref name="after"/>: the
    /// lanes are wedged, and only a restart will help.
    /// </summary>
    public bool IsStalled(TimeSpan after) => _lanes.IsStalled(after);

    public void Dispose()
    {
        _lanes.Dispose();
        _tuning.Dispose();
    }

    // Every hash this service stores is an Argon2id PHC string; anything else is a corrupt row, a bug to report.
    private static Argon2PhcString Parse(PasswordHash hash) =>
        Argon2PhcString.Parse(hash.Encoded) is { IsSuccess: true } parsed
            ? parsed.Value
            : throw new NotSupportedException($"The stored password hash is not an Argon2id PHC string (algorithm '{hash.Algorithm}').");

    private async Task<byte[]> DeriveAsync(string password, byte[] salt, Argon2Parameters parameters, int length, CancellationToken cancellationToken)
    {
        // Before admission: text that cannot be normalised throws here, holding no slot.
        var secret = Encoding.UTF8.GetBytes(PasswordPolicy.Normalize(password));
        try
        {
            return await _lanes.RunAsync(() => Derive(secret, salt, parameters, length), cancellationToken);
        }
        finally
        {
            // The derivation is over (run, failed, abandoned or never admitted): nothing reads the bytes any more.
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private byte[] Derive(byte[] secret, byte[] salt, Argon2Parameters parameters, int length)
    {
        var started = Stopwatch.GetTimestamp();
        var bytes = _engine.Derive(secret, salt, parameters, length);
        _metrics?.PasswordHashed(Stopwatch.GetElapsedTime(started));
        return bytes;
    }
}
