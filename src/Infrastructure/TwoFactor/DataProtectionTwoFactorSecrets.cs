using System.Security.Cryptography;
using DoubleDibz.Application.Common.Ports;
using Microsoft.AspNetCore.DataProtection;

namespace DoubleDibz.Infrastructure.TwoFactor;

/// <summary>
/// Authenticator secrets encrypted and signed with the data-protection key ring (stored in the database, shared by
/// every instance) under their own purpose, so a protected secret is useless as anything else and vice versa.
/// </summary>
public sealed class DataProtectionTwoFactorSecrets(IDataProtectionProvider dataProtection) : ITwoFactorSecretProtection
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("DoubleDibz.TwoFactorSecrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string? Unprotect(string protectedSecret)
    {
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null; // its key is gone: no code can match, the admin's disable-2fa is the way out
        }
    }
}
