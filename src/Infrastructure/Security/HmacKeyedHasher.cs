using System.Security.Cryptography;
using System.Text;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoubleDibz.Infrastructure.Security;

/// <summary>
/// HMAC-SHA256 under a 256-bit secret that the first instance to need it generates and stores (protected with the
/// data-protection key ring) in <c>ServerSecrets</c>; every instance then reads the same one, once.
/// </summary>
public sealed class HmacKeyedHasher(IServiceScopeFactory scopes, IDataProtectionProvider dataProtection) : IKeyedHasher, IDisposable
{
    private const string SecretName = "keyed-hash";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("DoubleDibz.ServerSecrets.v1");
    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _key;

    public async ValueTask<string> HashAsync(string text, CancellationToken cancellationToken)
    {
        var key = _key ?? await LoadKeyAsync(cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }

    public void Dispose() => _loading.Dispose();

    private static Task<byte[]> ReadStoredAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.ServerSecrets.AsNoTracking().Where(s => s.Name == SecretName).Select(s => s.ProtectedValue).SingleAsync(cancellationToken);

    private byte[]? TryUnprotect(byte[] stored)
    {
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_key is { } loaded)
            {
                return loaded;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var candidate = _protector.Protect(RandomNumberGenerator.GetBytes(32));
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "ServerSecrets" ("Name", "ProtectedValue") VALUES ({SecretName}, {candidate}) ON CONFLICT ("Name") DO NOTHING""",
                cancellationToken);
            var stored = await ReadStoredAsync(db, cancellationToken);
            if (TryUnprotect(stored) is { } key)
            {
                return _key = key;
            }

            // The key ring that protected the stored secret is gone (restored from elsewhere, or reset). Failing here
            // would fail every unknown login and no known one: a 500 that tells accounts apart. Replace the secret
            // instead (only the unknown-login counts start again); of several instances doing so at once, one wins.
            await db.ServerSecrets.Where(s => s.Name == SecretName && s.ProtectedValue == stored)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ProtectedValue, candidate), cancellationToken);
            return _key = _protector.Unprotect(await ReadStoredAsync(db, cancellationToken));
        }
        finally
        {
            _loading.Release();
        }
    }
}
