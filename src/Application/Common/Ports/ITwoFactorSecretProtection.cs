namespace DoubleDibz.Application.Common.Ports;

/// <summary>
/// Encrypts authenticator secrets for storage (with the service's key ring), so a copy of the database alone does not
/// give anyone the codes.
/// </summary>
public interface ITwoFactorSecretProtection
{
    string Protect(string secret);

    /// <summary>The secret, or null when the stored value cannot be decrypted (its key is gone).</summary>
    string? Unprotect(string protectedSecret);
}
