using System.Security.Cryptography;
using System.Text;
using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Users;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Infrastructure.Passwords;

/// <summary>
/// Argon2id (Konscious) with a 16-byte random salt and a 32-byte output, stored as a PHC string.
/// At most <see cref="Argon2Options.MaxConcurrentHashes"/> derivations run at once, which bounds the memory
/// that a burst of logins can take (each derivation holds the full Argon2 memory cost).
/// </summary>
public sealed class Argon2idPasswordHasher : IPasswordHasher, IDisposable
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly Argon2Parameters _parameters;
    private readonly SemaphoreSlim _lane;
    private readonly PasswordHash _dummy;

    public Argon2idPasswordHasher(IOptions<Argon2Options> options)
    {
        var o = options.Value;
        _parameters = new Argon2Parameters(o.MemoryKiB, o.Iterations, o.Parallelism);
        _lane = new SemaphoreSlim(Math.Max(1, o.MaxConcurrentHashes));

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
        var secret = Encoding.UTF8.GetBytes(PasswordPolicy.Normalize(password));
        await _lane.WaitAsync(cancellationToken);
        try
        {
            using var argon2 = new Argon2id(secret)
            {
                Salt = salt,
                MemorySize = parameters.MemoryKiB,
                Iterations = parameters.Iterations,
                DegreeOfParallelism = parameters.Parallelism,
            };
            return await argon2.GetBytesAsync(length);
        }
        finally
        {
            _lane.Release();
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
