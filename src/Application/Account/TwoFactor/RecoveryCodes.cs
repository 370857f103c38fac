using System.Security.Cryptography;
using DoubleDibz.Application.Common.Ports;

namespace DoubleDibz.Application.Account.TwoFactor;

/// <summary>
/// Single-use recovery codes for a lost authenticator: 10 codes like <c>K7QM2-XW9RT</c>, 10 characters of an alphabet
/// without look-alikes (no 0/O, 1/I), so 50 bits each. Stored only as server-keyed hashes (<see cref="IKeyedHasher"/>):
/// a stolen database without the server's secret cannot be searched for them; bound to the user, so one account's hash
/// is no use for another. Typed codes are read leniently: any case, with or without the dash and spaces.
/// </summary>
public sealed class RecoveryCodes(IKeyedHasher hasher)
{
    public const int Count = 10;
    public const int Length = 10;
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>Longest text accepted as a typed recovery code (spaces allowed around its parts).</summary>
    public const int MaxTypedLength = 64;

    /// <summary>A new set: the codes to show once, and the hashes to store.</summary>
    public async Task<NewRecoveryCodes> NewSetAsync(int userId, CancellationToken cancellationToken)
    {
        var codes = new List<string>(Count);
        var hashes = new List<string>(Count);
        for (var i = 0; i < Count; i++)
        {
            var raw = RandomNumberGenerator.GetString(Alphabet, Length);
            codes.Add($"{raw[..5]}-{raw[5..]}");
            hashes.Add(await HashNormalizedAsync(userId, raw, cancellationToken));
        }

        return new NewRecoveryCodes(codes, hashes);
    }

    /// <summary>The stored hash a typed code would have; null when the text cannot be a recovery code at all.</summary>
    public async Task<string?> HashAsync(int userId, string typed, CancellationToken cancellationToken) =>
        Normalize(typed) is { } normalized ? await HashNormalizedAsync(userId, normalized, cancellationToken) : null;

    /// <summary>The code's 10 characters, upper case, without dash or spaces; null when it is not of the form.</summary>
    public static string? Normalize(string typed)
    {
        if (typed.Length > MaxTypedLength)
        {
            return null;
        }

        var kept = new string([.. typed.Where(c => c != '-' && !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant)]);
        return kept.Length == Length && kept.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? kept : null;
    }

    private async Task<string> HashNormalizedAsync(int userId, string normalized, CancellationToken cancellationToken) =>
        await hasher.HashAsync($"recovery-code:{userId}:{normalized}", cancellationToken);
}

/// <param name="Codes">To show the user once.</param>
/// <param name="Hashes">To store.</param>
public sealed record NewRecoveryCodes(IReadOnlyList<string> Codes, IReadOnlyList<string> Hashes);

/// <summary>The answer that shows a new set of recovery codes (once).</summary>
public sealed record RecoveryCodeList(IReadOnlyList<string> RecoveryCodes);
