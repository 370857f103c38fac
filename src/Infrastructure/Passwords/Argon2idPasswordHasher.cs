using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using DoubleDibz.Application.Common;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Users;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Infrastructure.Passwords;

/// <summary>
/// Argon2id (Konscious) with a 16-byte random salt and a 32-byte output, stored as a PHC string.
/// <para>
/// At most <see cref="Argon2Options.MaxConcurrentHashes"/> derivations run at once, each driven by a dedicated
/// thread (a hashing lane), which bounds the memory a burst can take (each holds the full Argon2 memory cost); at
/// most <see cref="Argon2Options.MaxQueuedHashes"/> more wait, and any beyond that get
/// <see cref="ServiceBusyException"/> at once (<see cref="IsSaturated"/> lets the host refuse them even earlier).
/// Konscious computes on the thread pool whatever API is used (it runs its lanes with <c>Task.Run</c>), so the pool's
/// minimum is raised by the hashing threads: otherwise two ~100 ms hashes took both of a 2-core machine's pool
/// threads and requests waited for the pool to grow.
/// </para>
/// <para>
/// A slot is taken only after the password has been turned into bytes (text that cannot be normalised is refused
/// before), and every admitted derivation gives its slot back exactly once, in a <c>finally</c>, whatever happens
/// to it: it runs, fails, or its caller leaves while it waits.
/// </para>
/// </summary>
public sealed class Argon2idPasswordHasher : IPasswordHasher, IDisposable
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly Argon2Parameters _parameters;
    private readonly int _lanes;
    private readonly int _capacity;
    private readonly PasswordHash _dummy;
    private readonly AuthMetrics? _metrics;
    private readonly IArgon2Engine _engine;
    private readonly TimeProvider _clock;
    private readonly BlockingCollection<Derivation> _queue = new(new ConcurrentQueue<Derivation>());
    private readonly int _poolThreadsAdded;
    private int _admitted; // running + waiting
    private long _lastProgress; // TimeProvider timestamp of the last completion, or of the start of a busy spell
    private long _averageHashTicks = TimeSpan.FromMilliseconds(100).Ticks; // a moving average, for Retry-After

    public Argon2idPasswordHasher(IOptions<Argon2Options> options, IArgon2Engine? engine = null, TimeProvider? clock = null, AuthMetrics? metrics = null)
    {
        _metrics = metrics;
        _engine = engine ?? new KonsciousArgon2Engine();
        _clock = clock ?? TimeProvider.System;
        _lastProgress = _clock.GetTimestamp();
        var o = options.Value;
        _parameters = new Argon2Parameters(o.MemoryKiB, o.Iterations, o.Parallelism);
        _lanes = o.MaxConcurrentHashes;
        _capacity = o.MaxConcurrentHashes + o.MaxQueuedHashes;

        // Unknown logins are verified against this; it needs no real password, only today's parameters.
        _dummy = PasswordHash.Create(_parameters, RandomNumberGenerator.GetBytes(SaltBytes), RandomNumberGenerator.GetBytes(HashBytes));

        _poolThreadsAdded = _lanes * o.Parallelism;
        AdjustPoolMinimum(_poolThreadsAdded);
        for (var lane = 0; lane < _lanes; lane++)
        {
            new Thread(RunLane) { IsBackground = true, Name = $"argon2-lane-{lane}" }.Start();
        }
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

    public bool IsSaturated(out TimeSpan retryAfter)
    {
        var saturated = Volatile.Read(ref _admitted) >= _capacity;
        retryAfter = saturated ? EstimatedWait() : TimeSpan.Zero;
        return saturated;
    }

    /// <summary>Hashes admitted and not yet finished (running or waiting for a lane).</summary>
    public int InFlight => Volatile.Read(ref _admitted);

    /// <summary>
    /// True when callers are waiting and no derivation has finished for longer than <paramref name="after"/>: the
    /// lanes are wedged, and only a restart will help.
    /// </summary>
    public bool IsStalled(TimeSpan after) =>
        InFlight > 0 && _clock.GetElapsedTime(Interlocked.Read(ref _lastProgress)) > after;

    public void Dispose()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            AdjustPoolMinimum(-_poolThreadsAdded);
        }
    }

    private static void AdjustPoolMinimum(int by)
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(1, workers + by), completionPorts);
    }

    private Task<byte[]> DeriveAsync(string password, byte[] salt, Argon2Parameters parameters, int length, CancellationToken cancellationToken)
    {
        // Before admission: text that cannot be normalised throws here, holding no slot.
        var secret = Encoding.UTF8.GetBytes(PasswordPolicy.Normalize(password));
        Admit();
        try
        {
            var derivation = new Derivation(secret, salt, parameters, length, cancellationToken);
            _queue.Add(derivation, CancellationToken.None);
            return derivation.Result.Task;
        }
        catch
        {
            Release(); // not queued (the hasher is shutting down): nobody else will give the slot back
            CryptographicOperations.ZeroMemory(secret);
            throw;
        }
    }

    private void Admit()
    {
        var admitted = Interlocked.Increment(ref _admitted);
        if (admitted > _capacity)
        {
            Interlocked.Decrement(ref _admitted);
            throw new ServiceBusyException("The password hasher's queue is full.", EstimatedWait());
        }

        if (admitted == 1)
        {
            Interlocked.Exchange(ref _lastProgress, _clock.GetTimestamp()); // a busy spell starts now
        }
    }

    private void Release()
    {
        Interlocked.Exchange(ref _lastProgress, _clock.GetTimestamp());
        Interlocked.Decrement(ref _admitted);
    }

    private void RunLane()
    {
        foreach (var derivation in _queue.GetConsumingEnumerable())
        {
            byte[]? derived = null;
            Exception? failure = null;
            var abandoned = derivation.Cancellation.IsCancellationRequested; // the client left while it waited
            try
            {
                if (!abandoned)
                {
                    derived = Derive(derivation);
                }
            }
            catch (Exception exception)
            {
                failure = exception;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(derivation.Secret);

                // The slot is freed before the caller hears back, so a caller that hashes again at once finds room.
                Release();
            }

            if (abandoned)
            {
                derivation.Result.TrySetCanceled(derivation.Cancellation);
            }
            else if (failure is not null)
            {
                derivation.Result.TrySetException(failure);
            }
            else
            {
                derivation.Result.TrySetResult(derived!);
                ReclaimMatrix();
            }
        }
    }

    private byte[] Derive(Derivation derivation)
    {
        var started = Stopwatch.GetTimestamp();
        var bytes = _engine.Derive(derivation.Secret, derivation.Salt, derivation.Parameters, derivation.Length);
        var elapsed = Stopwatch.GetElapsedTime(started);
        RecordDuration(elapsed);
        _metrics?.PasswordHashed(elapsed);
        return bytes;
    }

    /// <summary>
    /// Konscious allocates each hash's memory matrix (19 MiB by default) afresh as one array on the large object
    /// heap, and under load the GC let hundreds of MiB of dead matrices pile up before it looked there: a login
    /// flood took the process past 350 MiB. A gen-2 collection after each hash keeps the peak near what the
    /// lanes bound. It is cheap: the matrices hold no references and the LOH is not compacted, so there is
    /// little to mark and nothing to copy.
    /// </summary>
    private static void ReclaimMatrix() => GC.Collect(2, GCCollectionMode.Forced, blocking: true);

    // A full queue drains in about (capacity / lanes) hash times; a client retrying after that finds room.
    private TimeSpan EstimatedWait()
    {
        var drain = TimeSpan.FromTicks(Interlocked.Read(ref _averageHashTicks) * _capacity / _lanes);
        return drain > TimeSpan.FromSeconds(1) ? drain : TimeSpan.FromSeconds(1);
    }

    private void RecordDuration(TimeSpan elapsed)
    {
        // Exponential moving average (1/8 weight); a lost update under contention only skews an estimate.
        var average = Interlocked.Read(ref _averageHashTicks);
        Interlocked.Exchange(ref _averageHashTicks, average + ((elapsed.Ticks - average) / 8));
    }

    private sealed record Derivation(byte[] Secret, byte[] Salt, Argon2Parameters Parameters, int Length, CancellationToken Cancellation)
    {
        // Continuations run on the pool, never inline on a hashing lane.
        public TaskCompletionSource<byte[]> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
