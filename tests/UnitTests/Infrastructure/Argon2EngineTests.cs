using System.Security.Cryptography;
using System.Text;
using DoubleDibz.Infrastructure.Passwords;

namespace DoubleDibz.UnitTests.Infrastructure;

/// <summary>
/// Both Argon2id engines give the reference implementation's bytes, so their PHC strings are interchangeable.
/// <para>
/// The vectors come from Debian's <c>argon2</c> CLI (the reference C implementation, package <c>argon2</c>):
/// <c>printf '%s' PASSWORD | argon2 SALT -id -t T -k M -p P -l LENGTH -e</c>. RFC 9106's Argon2id vector (§5.3) is not
/// used: it needs a secret key and associated data, which the engine interface does not take (the product uses
/// neither) and libsodium's API cannot take, and it has parallelism 4, which libsodium cannot compute.
/// </para>
/// </summary>
public class Argon2EngineTests
{
    private static readonly string[] Engines = [Argon2Engines.Konscious, Argon2Engines.Libsodium];

    // (password, PHC string made by the CLI with the password's UTF-8 bytes and the salt shown in the comment)
    private static readonly object[] ReferenceVectors =
    [
        // salt saltsaltsaltsalt; the defaults (OWASP)
        new object[] { "correct horse battery", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$iPOQ5f2O21FsjnBvo1AiFcDuSXciCnKUrXFO+yfgNoM" },
        // salt 0123456789abcdef; non-ASCII bytes, one pass
        new object[] { "ﬁne pässwörd ☃", "$argon2id$v=19$m=8192,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$XHVKTM/QniZPRq8HbQEmkxYYXT5uxPifcF2bqT2Mfa4" },
        // salt NaCl-NaCl-NaCl-! from here on: three passes
        new object[] { "violet tractor sings", "$argon2id$v=19$m=12288,t=3,p=1$TmFDbC1OYUNsLU5hQ2wtIQ$+gtrhu/LOdmRWJ2WCll1gW38KiaL7D7hcMMii4IyhOU" },
        // a 16-byte and a 64-byte output
        new object[] { "violet tractor sings", "$argon2id$v=19$m=19456,t=2,p=1$TmFDbC1OYUNsLU5hQ2wtIQ$lHZ6zfbXziQeD6RTvi9MSA" },
        new object[] { "violet tractor sings", "$argon2id$v=19$m=19456,t=2,p=1$TmFDbC1OYUNsLU5hQ2wtIQ$fhUxUMcJowI3PUshVhQ+bS2WdHWneSNdQYJUqYzXYxGaM8+aJLiOH5DWWucWgCAi7HzTQ5pI0nJlOSaDjmzv8Q" },
        // memory that is not a multiple of 4 lanes' worth of blocks (the algorithm rounds it down)
        new object[] { "violet tractor sings", "$argon2id$v=19$m=8195,t=2,p=1$TmFDbC1OYUNsLU5hQ2wtIQ$qFlnmFJypkqfrpiiKjYZX6T/jy/PDEx5gOfwlcZZSdc" },
        // what libsodium cannot compute (two lanes; an 8-byte salt "somesalt"): its engine hands these to Konscious
        new object[] { "violet tractor sings", "$argon2id$v=19$m=19456,t=2,p=2$TmFDbC1OYUNsLU5hQ2wtIQ$7df7pn8v1rYy86KAxhVaeyBQ73zVrKJfvIbm4lu0sEk" },
        new object[] { "violet tractor sings", "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$0K31gRPNItI+YgwLnpofJ9N3j9qJK4UCNKb3uwx2Go0" },
    ];

    private static IEnumerable<TestCaseData> EnginesAndVectors() =>
        from engine in Engines
        from vector in ReferenceVectors.Cast<object[]>()
        select new TestCaseData(engine, vector[0], vector[1]);

    [TestCaseSource(nameof(EnginesAndVectors))]
    public void The_engine_gives_the_reference_implementations_bytes(string engine, string password, string reference)
    {
        var phc = Argon2PhcString.Parse(reference).Value;

        var derived = Argon2Engines.Create(engine).Derive(Encoding.UTF8.GetBytes(password), phc.Salt.ToArray(), phc.Parameters, phc.Hash.Length);

        Assert.That(Convert.ToBase64String(derived), Is.EqualTo(Convert.ToBase64String(phc.Hash.Span)));
    }

    [TestCase(8, 1)]
    [TestCase(1024, 2)]
    [TestCase(19456, 2)]
    [TestCase(9000, 4)]
    public void Both_engines_give_the_same_bytes_for_random_passwords_and_salts(int memoryKiB, int iterations)
    {
        var konscious = Argon2Engines.Create(Argon2Engines.Konscious);
        var libsodium = Argon2Engines.Create(Argon2Engines.Libsodium);
        var parameters = new Argon2Parameters(memoryKiB, iterations, 1);
        for (var round = 0; round < 3; round++)
        {
            var password = RandomNumberGenerator.GetBytes(RandomNumberGenerator.GetInt32(1, 200)) /* a password is never empty; Konscious refuses one */;
            var salt = RandomNumberGenerator.GetBytes(16);

            Assert.That(libsodium.Derive(password, salt, parameters, 32), Is.EqualTo(konscious.Derive(password, salt, parameters, 32)),
                $"password {Convert.ToHexString(password)}, salt {Convert.ToHexString(salt)}");
        }
    }

    [Test]
    public void The_libsodium_engine_runs_natively_only_what_libsodium_can_compute()
    {
        Assert.That(LibsodiumArgon2Engine.Supports(new Argon2Parameters(19456, 2, 1), 16, 32), Is.True);
        Assert.That(LibsodiumArgon2Engine.Supports(new Argon2Parameters(8, 1, 1), 16, 16), Is.True);
        Assert.That(LibsodiumArgon2Engine.Supports(new Argon2Parameters(2_097_151, 1, 1), 16, 32), Is.True);

        Assert.That(LibsodiumArgon2Engine.Supports(new Argon2Parameters(19456, 2, 2), 16, 32), Is.False, "parallelism 2");
        Assert.That(LibsodiumArgon2Engine.Supports(new Argon2Parameters(19456, 2, 1), 8, 32), Is.False, "8-byte salt");
        Assert.That(LibsodiumArgon2Engine.Supports(new Argon2Parameters(19456, 2, 1), 16, 15), Is.False, "15-byte output");
        Assert.That(LibsodiumArgon2Engine.Supports(new Argon2Parameters(7, 2, 1), 16, 32), Is.False, "7 KiB");
        Assert.That(LibsodiumArgon2Engine.Supports(new Argon2Parameters(2_097_152, 2, 1), 16, 32), Is.False, "2 GiB, past an int of bytes");
    }

    [Test]
    public void Konscious_works_on_the_thread_pool_and_the_managed_heap_and_libsodium_on_neither()
    {
        Assert.That(Argon2Engines.Create(Argon2Engines.Konscious).Footprint, Is.EqualTo(new Argon2EngineFootprint(ComputesOnThreadPool: true, AllocatesMatrixOnManagedHeap: true)));
        Assert.That(Argon2Engines.Create(Argon2Engines.Libsodium).Footprint, Is.EqualTo(new Argon2EngineFootprint(ComputesOnThreadPool: false, AllocatesMatrixOnManagedHeap: false)));
    }

    [TestCase(null, Argon2Engines.Konscious)]
    [TestCase("", Argon2Engines.Konscious)]
    [TestCase("konscious", Argon2Engines.Konscious)]
    [TestCase("LIBSODIUM", Argon2Engines.Libsodium)]
    [TestCase("Libsodium", Argon2Engines.Libsodium)]
    [TestCase("sodium", null)]
    [TestCase("Konscious ", null)]
    public void Engine_names_are_recognised_in_any_case(string? configured, string? expected)
    {
        Assert.That(Argon2Engines.Recognize(configured), Is.EqualTo(expected));
    }

    [Test]
    public void An_unknown_engine_name_is_refused_naming_the_setting_and_the_choices()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Argon2Engines.Create("Bouncy"));

        Assert.That(refused!.Message, Is.EqualTo("PasswordHashing:Engine 'Bouncy' is not supported; use 'Konscious' or 'Libsodium'."));
    }
}
