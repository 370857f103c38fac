using System.Globalization;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;

namespace DoubleDibz.Infrastructure.Passwords;

/// <summary>
/// An Argon2id hash in the PHC string format (<c>$argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;</c>, unpadded
/// base64), which other Argon2 libraries (and the reference <c>argon2</c> CLI) can verify. This is what a
/// <see cref="PasswordHash"/> holds when the Argon2id hasher made it.
/// </summary>
public sealed class Argon2PhcString
{
    private const string Prefix = "$argon2id$v=19$";

    private Argon2PhcString(string encoded, Argon2Parameters parameters, byte[] salt, byte[] hash)
    {
        Encoded = encoded;
        Parameters = parameters;
        Salt = salt;
        Hash = hash;
    }

    public string Encoded { get; }

    public Argon2Parameters Parameters { get; }

    public ReadOnlyMemory<byte> Salt { get; }

    public ReadOnlyMemory<byte> Hash { get; }

    public static Argon2PhcString Create(Argon2Parameters parameters, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> hash)
    {
        var encoded = string.Create(
            CultureInfo.InvariantCulture,
            $"{Prefix}m={parameters.MemoryKiB},t={parameters.Iterations},p={parameters.Parallelism}${ToBase64(salt)}${ToBase64(hash)}");
        return new Argon2PhcString(encoded, parameters, salt.ToArray(), hash.ToArray());
    }

    public static Result<Argon2PhcString> Parse(string? encoded)
    {
        var invalid = Error.Invalid("Not an Argon2id PHC string");
        if (encoded is null || !encoded.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return invalid;
        }

        var parts = encoded[Prefix.Length..].Split('$');
        if (parts.Length != 3 || !TryParseParameters(parts[0], out var parameters))
        {
            return invalid;
        }

        var salt = FromBase64(parts[1]);
        var hash = FromBase64(parts[2]);
        if (salt is null || hash is null || salt.Length < 8 || hash.Length < 16)
        {
            return invalid;
        }

        return new Argon2PhcString(encoded, parameters, salt, hash);
    }

    /// <summary>The domain's opaque value holding this string.</summary>
    public PasswordHash ToPasswordHash() => PasswordHash.FromEncoded(Encoded).Value;

    // Never let the hash reach a log line through string interpolation.
    public override string ToString() => "Argon2PhcString(redacted)";

    private static bool TryParseParameters(string text, out Argon2Parameters parameters)
    {
        parameters = default;
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in text.Split(','))
        {
            var kv = pair.Split('=');
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            {
                return false;
            }

            values[kv[0]] = number;
        }

        if (values.Count != 3 || !values.TryGetValue("m", out var m) || !values.TryGetValue("t", out var t) || !values.TryGetValue("p", out var p))
        {
            return false;
        }

        parameters = new Argon2Parameters(m, t, p);
        return true;
    }

    private static string ToBase64(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[]? FromBase64(string text)
    {
        if (text.Length == 0 || text.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }
}
