using System.Text;
using BenchmarkDotNet.Attributes;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Users;
using DoubleDibz.Infrastructure.Passwords;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Benchmarks;

/// <summary>
/// Argon2id at the configured parameters (m=19456 KiB, t=2, p=1): the product's hasher (hash, verify) with each
/// engine (Konscious, libsodium), and each library called directly (Konscious through its async and its synchronous
/// API), to show what the wrapper costs.
/// </summary>
[MemoryDiagnoser]
public class HasherBenchmarks
{
    private const string Password = "violet tractor sings";
    private static readonly byte[] Salt = Encoding.UTF8.GetBytes("0123456789abcdef");
    private readonly Argon2Options _options = new();
    private Argon2idPasswordHasher _hasher = null!;
    private Argon2idPasswordHasher _native = null!;
    private PasswordHash _stored = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        _hasher = new Argon2idPasswordHasher(Options.Create(_options), new KonsciousArgon2Engine());
        _native = new Argon2idPasswordHasher(Options.Create(_options), new LibsodiumArgon2Engine());
        _stored = await _hasher.HashAsync(Password, CancellationToken.None);
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _hasher.Dispose();
        _native.Dispose();
    }

    [Benchmark(Description = "hasher: HashAsync")]
    public Task<PasswordHash> Hash() => _hasher.HashAsync(Password, CancellationToken.None);

    [Benchmark(Description = "hasher: VerifyAsync")]
    public Task<PasswordVerification> Verify() => _hasher.VerifyAsync(Password, _stored, CancellationToken.None);

    [Benchmark(Description = "hasher+libsodium: HashAsync")]
    public Task<PasswordHash> HashNative() => _native.HashAsync(Password, CancellationToken.None);

    [Benchmark(Description = "hasher+libsodium: VerifyAsync")]
    public Task<PasswordVerification> VerifyNative() => _native.VerifyAsync(Password, _stored, CancellationToken.None);

    [Benchmark(Description = "libsodium: DeriveKey")]
    public byte[] Libsodium()
    {
        var output = new byte[32];
        Geralt.Argon2id.DeriveKey(output, Encoding.UTF8.GetBytes(Password), Salt, _options.Iterations, _options.MemoryKiB * 1024);
        return output;
    }

    [Benchmark(Description = "Konscious: GetBytesAsync")]
    public async Task<byte[]> KonsciousAsync()
    {
        using var argon2 = NewArgon2();
        return await argon2.GetBytesAsync(32);
    }

    [Benchmark(Description = "Konscious: GetBytes")]
    public byte[] KonsciousSync()
    {
        using var argon2 = NewArgon2();
        return argon2.GetBytes(32);
    }

    private Argon2id NewArgon2() => new(Encoding.UTF8.GetBytes(Password))
    {
        Salt = Salt,
        MemorySize = _options.MemoryKiB,
        Iterations = _options.Iterations,
        DegreeOfParallelism = _options.Parallelism,
    };
}
