using DoubleDibz.Application.Common;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Users;
using DoubleDibz.Infrastructure.Passwords;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DoubleDibz.UnitTests.Infrastructure;

/// <summary>
/// The hasher as composed: engine, lanes and tuning behind <see cref="IPasswordHasher"/>. The lanes' own rules are in
/// <see cref="WorkLanesTests"/>, the engines' bytes in <see cref="Argon2EngineTests"/>.
/// </summary>
public class Argon2idPasswordHasherTests
{
    // Made by the reference implementation (Debian's argon2 CLI):
    // echo -n "correct horse battery" | argon2 saltsaltsaltsalt -id -t 2 -k 19456 -p 1 -l 32 -e
    private const string ReferenceHash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$iPOQ5f2O21FsjnBvo1AiFcDuSXciCnKUrXFO+yfgNoM";

    private readonly Argon2idPasswordHasher _hasher = new(Options.Create(new Argon2Options()));

    [TearDown]
    public void DisposeHasher() => _hasher.Dispose();

    [Test]
    public async Task Hash_is_an_argon2id_PHC_string_with_the_OWASP_parameters_and_a_16_byte_salt()
    {
        var hash = Argon2PhcString.Parse((await _hasher.HashAsync("correct horse battery", CancellationToken.None)).Encoded).Value;

        Assert.That(hash.Parameters, Is.EqualTo(new Argon2Parameters(19456, 2, 1)));
        Assert.That(hash.Salt.Length, Is.EqualTo(16));
        Assert.That(hash.Hash.Length, Is.EqualTo(32));
        Assert.That(hash.Encoded, Does.StartWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    }

    [Test]
    public async Task Hashing_one_password_twice_gives_different_salts()
    {
        var first = await _hasher.HashAsync("correct horse battery", CancellationToken.None);
        var second = await _hasher.HashAsync("correct horse battery", CancellationToken.None);

        Assert.That(first.Encoded, Is.Not.EqualTo(second.Encoded));
    }

    [Test]
    public async Task Verify_accepts_a_hash_made_by_the_reference_implementation()
    {
        var result = await _hasher.VerifyAsync("correct horse battery", PasswordHash.FromEncoded(ReferenceHash).Value, CancellationToken.None);

        Assert.That(result, Is.EqualTo(PasswordVerification.Succeeded));
    }

    [Test]
    public async Task Verify_refuses_a_wrong_password()
    {
        var result = await _hasher.VerifyAsync("correct horse batterY", PasswordHash.FromEncoded(ReferenceHash).Value, CancellationToken.None);

        Assert.That(result, Is.EqualTo(PasswordVerification.Failed));
    }

    [Test]
    public async Task Verify_without_a_stored_hash_fails()
    {
        Assert.That(await _hasher.VerifyAsync("anything at all", null, CancellationToken.None), Is.EqualTo(PasswordVerification.Failed));
    }

    [Test]
    public async Task Verify_without_a_stored_hash_still_derives_once_with_todays_parameters()
    {
        var engine = new RecordingEngine();
        using var hasher = new Argon2idPasswordHasher(Options.Create(new Argon2Options { MemoryKiB = 8, Iterations = 1 }), engine);

        await hasher.VerifyAsync("anything at all", null, CancellationToken.None);

        Assert.That(engine.Calls, Is.EqualTo(new[] { (new Argon2Parameters(8, 1, 1), 16, 32) }));
    }

    [Test]
    public async Task Verify_asks_for_a_rehash_when_the_hash_used_other_parameters()
    {
        using var weaker = new Argon2idPasswordHasher(Options.Create(new Argon2Options { MemoryKiB = 8192, Iterations = 1 }));
        var old = await weaker.HashAsync("correct horse battery", CancellationToken.None);

        var result = await _hasher.VerifyAsync("correct horse battery", old, CancellationToken.None);

        Assert.That(result, Is.EqualTo(PasswordVerification.SucceededRehashNeeded));
    }

    [Test]
    public async Task Verify_of_a_stored_hash_that_is_not_argon2id_is_a_bug_reported_as_one_holding_no_slot()
    {
        var bcrypt = PasswordHash.FromEncoded("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW").Value;

        var thrown = await Assert.ThrowsAsync<NotSupportedException>(() => _hasher.VerifyAsync("correct horse battery", bcrypt, CancellationToken.None));

        Assert.That(thrown!.Message, Does.Contain("'2b'").And.Not.Contain("R9h/"));
        Assert.That(_hasher.InFlight, Is.Zero);
    }

    [Test]
    public async Task Passwords_are_hashed_in_NFKC_form()
    {
        var hash = await _hasher.HashAsync("ﬁne password", CancellationToken.None);

        Assert.That(await _hasher.VerifyAsync("fine password", hash, CancellationToken.None), Is.EqualTo(PasswordVerification.Succeeded));
    }

    [Test]
    public async Task Hashing_beyond_the_running_and_queued_bound_is_refused_at_once_with_a_retry_hint()
    {
        // Held at the engine's door, so the first hash cannot finish early on a busy machine and free its slot.
        var engine = new GatedEngine();
        using var hasher = new Argon2idPasswordHasher(Options.Create(new Argon2Options { MaxConcurrentHashes = 1, MaxQueuedHashes = 1 }), engine);
        var running = hasher.HashAsync("first password", CancellationToken.None);  // takes the only slot
        engine.Entered.Wait();
        var queued = hasher.HashAsync("second password", CancellationToken.None);  // waits for it

        var refused = await Assert.ThrowsAsync<ServiceBusyException>(() => hasher.HashAsync("third password", CancellationToken.None));

        Assert.That(refused!.RetryAfter, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(refused.Message, Is.EqualTo("The password hasher's queue is full."));
        engine.Open();
        await Task.WhenAll(running, queued);
    }

    [Test]
    public async Task Hashing_is_admitted_again_once_the_queue_has_drained()
    {
        using var hasher = new Argon2idPasswordHasher(Options.Create(new Argon2Options { MaxConcurrentHashes = 1, MaxQueuedHashes = 0 }));
        await hasher.HashAsync("first password", CancellationToken.None);

        var second = await hasher.HashAsync("second password", CancellationToken.None);

        Assert.That(await hasher.VerifyAsync("second password", second, CancellationToken.None), Is.EqualTo(PasswordVerification.Succeeded));
    }

    [Test]
    public async Task A_password_that_cannot_be_normalised_is_refused_without_taking_a_slot()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _hasher.VerifyAsync("a\uFFFE", null, CancellationToken.None));

        Assert.That(_hasher.InFlight, Is.Zero);
    }

    [Test]
    public async Task A_derivation_that_fails_gives_its_slot_back()
    {
        using var hasher = new Argon2idPasswordHasher(Options.Create(new Argon2Options { MaxConcurrentHashes = 1, MaxQueuedHashes = 0 }), new FailingEngine());

        await Assert.ThrowsAsync<InvalidOperationException>(() => hasher.HashAsync("some password", CancellationToken.None));

        Assert.That(hasher.InFlight, Is.Zero);
        await Assert.ThrowsAsync<InvalidOperationException>(() => hasher.HashAsync("some password", CancellationToken.None), "admitted again, not refused as busy");
    }

    [Test]
    public async Task The_password_bytes_are_wiped_once_the_derivation_is_over()
    {
        var engine = new RecordingEngine();
        using var hasher = new Argon2idPasswordHasher(Options.Create(new Argon2Options { MemoryKiB = 8, Iterations = 1 }), engine);

        await hasher.HashAsync("some password", CancellationToken.None);

        Assert.That(engine.Secrets.Single(), Has.Length.EqualTo(13).And.All.EqualTo((byte)0));
    }

    [Test]
    public async Task A_caller_that_leaves_while_waiting_gives_its_slot_back()
    {
        var engine = new GatedEngine();
        using var hasher = new Argon2idPasswordHasher(Options.Create(new Argon2Options { MemoryKiB = 8, Iterations = 1, MaxConcurrentHashes = 1, MaxQueuedHashes = 1 }), engine);
        var running = hasher.HashAsync("first password", CancellationToken.None);
        engine.Entered.Wait();
        using var leaving = new CancellationTokenSource();
        var waiting = hasher.HashAsync("second password", leaving.Token);

        await leaving.CancelAsync();
        engine.Open();

        await running;
        await Assert.CatchAsync<OperationCanceledException>(() => waiting);
        Assert.That(hasher.InFlight, Is.Zero);
    }

    [Test]
    public void The_hasher_is_stalled_when_callers_wait_and_nothing_finishes_for_the_stall_timeout()
    {
        var engine = new GatedEngine();
        var clock = new FakeTimeProvider();
        using var hasher = new Argon2idPasswordHasher(Options.Create(new Argon2Options { MemoryKiB = 8, Iterations = 1 }), engine, clock);
        var hashing = hasher.HashAsync("some password", CancellationToken.None);
        engine.Entered.Wait();

        clock.Advance(TimeSpan.FromSeconds(31));

        Assert.That(hasher.IsStalled(TimeSpan.FromSeconds(30)), Is.True);
        engine.Open();
        Assert.That(async () => await hashing, Throws.Nothing);
    }

    [TestCase(Argon2Engines.Konscious, Argon2Engines.Libsodium)]
    [TestCase(Argon2Engines.Libsodium, Argon2Engines.Konscious)]
    public async Task A_hash_made_with_one_engine_verifies_with_the_other(string maker, string checker)
    {
        using var making = new Argon2idPasswordHasher(Options.Create(new Argon2Options()), Argon2Engines.Create(maker));
        using var checking = new Argon2idPasswordHasher(Options.Create(new Argon2Options()), Argon2Engines.Create(checker));

        var hash = await making.HashAsync("ﬁne pässwörd ☃", CancellationToken.None);

        Assert.That(await checking.VerifyAsync("fine pässwörd ☃", hash, CancellationToken.None), Is.EqualTo(PasswordVerification.Succeeded));
        Assert.That(await checking.VerifyAsync("fine passwörd ☃", hash, CancellationToken.None), Is.EqualTo(PasswordVerification.Failed));
    }

    private sealed class FailingEngine : IArgon2Engine
    {
        public Argon2EngineFootprint Footprint => default;

        public byte[] Derive(byte[] secret, byte[] salt, Argon2Parameters parameters, int length) =>
            throw new InvalidOperationException("a bug in the engine");
    }

    /// <summary>Keeps what it was asked (and the very password arrays it was given, to see them wiped); returns zeros.</summary>
    private sealed class RecordingEngine : IArgon2Engine
    {
        public List<(Argon2Parameters Parameters, int SaltLength, int Length)> Calls { get; } = [];

        public List<byte[]> Secrets { get; } = [];

        public Argon2EngineFootprint Footprint => default;

        public byte[] Derive(byte[] secret, byte[] salt, Argon2Parameters parameters, int length)
        {
            Calls.Add((parameters, salt.Length, length));
            Secrets.Add(secret);
            return new byte[length];
        }
    }

    /// <summary>Real Argon2, held at the door until <see cref="Open"/>; <see cref="Entered"/> is set when a lane arrives.</summary>
    private sealed class GatedEngine : IArgon2Engine
    {
        private readonly ManualResetEventSlim _gate = new();
        private readonly KonsciousArgon2Engine _real = new();

        public ManualResetEventSlim Entered { get; } = new();

        public Argon2EngineFootprint Footprint => _real.Footprint;

        public void Open() => _gate.Set();

        public byte[] Derive(byte[] secret, byte[] salt, Argon2Parameters parameters, int length)
        {
            Entered.Set();
            _gate.Wait();
            return _real.Derive(secret, salt, parameters, length);
        }
    }
}
