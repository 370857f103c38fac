using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using DoubleDibz.Application.Common;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Users;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Infrastructure.Passwords;

/// <summary>
/// Argon2id (Konscious) with a 16-byte random salt and a 32-byte output, stored as a PHC string.
/// At most <see cref="Argon2Options.MaxConcurrentHashes"/> derivations run at once, which bounds the memory
/// that a burst of logins can take (each derivation holds the full Argon2 memory cost), and at most
/// <see cref="Argon2Options.MaxQueuedHashes"/> more wait; any beyond that get <see cref="ServiceBusyException"/>.
/// </summary>
public sealed class Argon2idPasswordHasher : IPasswordHasher, IDisposable
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly Argon2Parameters _parameters;
    private readonly SemaphoreSlim _lane;
    private readonly int _lanes;
    private readonly int _capacity;
    private readonly PasswordHash _dummy;
    private readonly long _reclaimAfterBytes;
    private int _admitted; // running + waiting
    private long _deadMatrixBytes;
    private long _averageHashTicks = TimeSpan.FromMilliseconds(100).Ticks; // a moving average, for Retry-After

    private readonly AuthMetrics? _metrics;

    public Argon2idPasswordHasher(IOptions<Argon2Options> options, AuthMetrics? metrics = null)
    {
        _metrics = metrics;
        var o = options.Value;
        _parameters = new Argon2Parameters(o.MemoryKiB, o.Iterations, o.Parallelism);
        _lanes = o.MaxConcurrentHashes;
        _capacity = o.MaxConcurrentHashes + o.MaxQueuedHashes;
        _lane = new SemaphoreSlim(_lanes);
        _reclaimAfterBytes = o.MemoryKiB * 1024L;

        // Unknown logins are verified against this; it needs no real password, only today's parameters.
        _dummy = PasswordHash.Create(_parameters, RandomNumberGenerator.GetBytes(SaltBytes), RandomNumberGenerator.GetBytes(HashBytes));
    }

    public async Task<PasswordHash> HashAsync(string password, CancellationToken cancellationToken)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = await DeriveAsync(password, salt, _parameters, HashBytes, cancellationToken);
        return PasswordHash.Create(_parameters, salt, hash);
    }

    public async Task<PasswordVerification> VerifyAsync(string password, PasswordHash? hash, CancellationToken cancellationToken)
    {
        var target = hash ?? _dummy;
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

    public void Dispose() => _lane.Dispose();

    private async Task<byte[]> DeriveAsync(string password, byte[] salt, Argon2Parameters parameters, int length, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _admitted) > _capacity)
        {
            Interlocked.Decrement(ref _admitted);
            throw new ServiceBusyException("The password hasher's queue is full.", EstimatedWait());
        }

        var secret = Encoding.UTF8.GetBytes(PasswordPolicy.Normalize(password));
        try
        {
            await _lane.WaitAsync(cancellationToken);
            try
            {
                var started = Stopwatch.GetTimestamp();
                using var argon2 = new Argon2id(secret)
                {
                    Salt = salt,
                    MemorySize = parameters.MemoryKiB,
                    Iterations = parameters.Iterations,
                    DegreeOfParallelism = parameters.Parallelism,
                };
                var derived = await argon2.GetBytesAsync(length);
                var elapsed = Stopwatch.GetElapsedTime(started);
                RecordDuration(elapsed);
                _metrics?.PasswordHashed(elapsed);
                ReclaimMatrices(parameters.MemoryKiB * 1024L);
                return derived;
            }
            finally
            {
                _lane.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    // A full queue drains in about (capacity / lanes) hash times; a client retrying after that finds room.
    private TimeSpan EstimatedWait()
    {
        var drain = TimeSpan.FromTicks(Interlocked.Read(ref _averageHashTicks) * _capacity / _lanes);
        return drain > TimeSpan.FromSeconds(1) ? drain : TimeSpan.FromSeconds(1);
    }

    /// <summary>
    /// Konscious allocates each hash's memory matrix (19 MiB by default) afresh as one array on the large object
    /// heap, and under load the GC let hundreds of MiB of dead matrices pile up before it looked there: a login
    /// flood took the process past 350 MiB. A gen-2 collection after each hash keeps the peak near what the
    /// hashing lanes are meant to bound. It is cheap: the matrices hold no references and the LOH is not
    /// compacted, so there is little to mark and nothing to copy.
    /// </summary>
    private void ReclaimMatrices(long matrixBytes)
    {
        if (Interlocked.Add(ref _deadMatrixBytes, matrixBytes) >= _reclaimAfterBytes)
        {
            Interlocked.Exchange(ref _deadMatrixBytes, 0);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        }
    }

    private void RecordDuration(TimeSpan elapsed)
    {
        // Exponential moving average (1/8 weight); a lost update under contention only skews an estimate.
        var average = Interlocked.Read(ref _averageHashTicks);
        Interlocked.Exchange(ref _averageHashTicks, average + ((elapsed.Ticks - average) / 8));
    }
}
