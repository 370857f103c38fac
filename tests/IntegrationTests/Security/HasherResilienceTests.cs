using System.Net;
using System.Text;
using DoubleDibz.Infrastructure.Passwords;
using DoubleDibz.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DoubleDibz.IntegrationTests.Security;

/// <summary>
/// What a stranger can do to the shared password hasher: its slots always come back, and a wedged hasher makes the
/// instance not ready. Small admission limits (one running, one waiting), so a handful of requests would use it up.
/// </summary>
public class HasherResilienceTests : FreshDatabaseTest
{
    private const int AdmissionLimit = 2;

    private static readonly Dictionary<string, string?> TinyHasher = new()
    {
        ["PasswordHashing:MaxConcurrentHashes"] = "1",
        ["PasswordHashing:MaxQueuedHashes"] = "1",
    };

    [Test]
    public async Task Ten_times_the_admission_limit_of_unnormalisable_passwords_leave_every_slot_free()
    {
        using var host = new ApiHost(Database, TinyHasher);
        var user = await SignedUpAsync(host);
        using var attacker = host.NewClient();

        for (var i = 0; i < 10 * AdmissionLimit; i++)
        {
            var json = await attacker.LoginAsync(user.UserName, "a\uFFFE");
            var form = await attacker.PostFormAsync("/api/auth/login", new Dictionary<string, string> { ["login"] = user.UserName, ["password"] = "b\uFFFF" });
            Assert.That(new[] { json.Status, form.Status }, Is.All.EqualTo(HttpStatusCode.UnprocessableEntity));
        }

        Assert.That(Hasher(host).InFlight, Is.Zero);
        using var owner = host.NewClient();
        Assert.That((await owner.LoginAsync(user.UserName, user.Password)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Derivations_that_fail_give_their_slots_back()
    {
        // Each failed attempt counts toward the back-off, which would answer 429 before the hasher is reached.
        var settings = new Dictionary<string, string?>(TinyHasher) { ["LoginBackoff:FreeFailures"] = "1000" };
        using var host = new ApiHost(Database, settings, s => s.AddSingleton<IArgon2Engine>(new PoisonedEngine()));
        var user = await SignedUpAsync(host);
        using var attacker = host.NewClient();

        for (var i = 0; i < 10 * AdmissionLimit; i++)
        {
            var answer = await attacker.LoginAsync(user.UserName, "poison pill");
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.InternalServerError), "a bug in the engine, answered as one");
        }

        Assert.That(Hasher(host).InFlight, Is.Zero);
        using var owner = host.NewClient();
        Assert.That((await owner.LoginAsync(user.UserName, user.Password)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_hasher_that_finishes_nothing_while_callers_wait_makes_the_instance_not_ready()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var engine = new GatedEngine();
        using var host = new ApiHost(Database, services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<IArgon2Engine>(engine);
        });
        using var client = host.NewClient();
        await client.CsrfTokenAsync();
        var readyBefore = await client.GetAsync("/readyz");

        var stuckLogin = client.LoginAsync("someone", "some password");
        engine.Entered.Wait();
        clock.Advance(TimeSpan.FromSeconds(31));
        var wedged = await client.GetAsync("/readyz");
        engine.Open();
        await stuckLogin;
        var readyAfter = await client.GetAsync("/readyz");

        Assert.That(readyBefore.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(wedged.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(readyAfter.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_refusal_is_held_briefly_and_a_slot_freed_meanwhile_admits_it_while_refusals_beyond_the_bound_answer_at_once()
    {
        var engine = new GatedEngine();
        using var host = new ApiHost(Database, settings: new Dictionary<string, string?>
        {
            ["PasswordHashing:MaxConcurrentHashes"] = "1",
            ["PasswordHashing:MaxQueuedHashes"] = "0",
            ["PasswordHashing:RefusalDelay"] = "00:00:05",
            ["PasswordHashing:MaxHeldRefusals"] = "1",
        }, services: s => s.AddSingleton<IArgon2Engine>(engine));
        using var first = host.NewClient();
        using var held = host.NewClient();
        using var beyond = host.NewClient();
        await Task.WhenAll(first.CsrfTokenAsync(), held.CsrfTokenAsync(), beyond.CsrfTokenAsync());

        var occupying = first.LoginAsync("someone", "some password");
        engine.Entered.Wait();
        var heldLogin = held.LoginAsync("someone", "some password");
        var hold = host.Services.GetRequiredService<DoubleDibz.WebApi.Http.RefusalHold>();
        var waitUntilHeld = SpinWait.SpinUntil(() => hold.Held == 1, TimeSpan.FromSeconds(30));
        var refusedAtOnce = await beyond.LoginAsync("someone", "some password");
        var heldWasStillWaiting = !heldLogin.IsCompleted;
        engine.Open();
        await occupying;
        var admitted = await heldLogin;

        Assert.That(waitUntilHeld, Is.True, "the second call was held");
        Assert.That(refusedAtOnce.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(refusedAtOnce.Headers.RetryAfter, Is.Not.Null);
        Assert.That(heldWasStillWaiting, Is.True);
        Assert.That(admitted.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "admitted and checked once the slot freed: " + admitted);
    }

    private static Argon2idPasswordHasher Hasher(ApiHost host) => host.Services.GetRequiredService<Argon2idPasswordHasher>();

    private static async Task<SignupForm> SignedUpAsync(ApiHost host)
    {
        using var client = host.NewClient();
        var user = SignupForm.Valid();
        Assert.That((await client.SignupAsync(user)).Status, Is.EqualTo(HttpStatusCode.Created));
        return user;
    }

    /// <summary>Real Argon2, except that it throws for any password containing "poison", like a bug would.</summary>
    private sealed class PoisonedEngine : IArgon2Engine
    {
        private readonly KonsciousArgon2Engine _real = new();

        public Argon2EngineFootprint Footprint => _real.Footprint;

        public byte[] Derive(byte[] secret, byte[] salt, Argon2Parameters parameters, int length) =>
            Encoding.UTF8.GetString(secret).Contains("poison", StringComparison.Ordinal)
                ? throw new InvalidOperationException("a bug in the engine")
                : _real.Derive(secret, salt, parameters, length);
    }

    /// <summary>Holds every derivation until <see cref="Open"/>; <see cref="Entered"/> is set when one arrives.</summary>
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
