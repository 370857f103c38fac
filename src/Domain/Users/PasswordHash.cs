using DoubleDibz.Domain.Common;

namespace DoubleDibz.Domain.Users;

/// <summary>
/// A stored password hash, as the hasher encoded it: an opaque string in the PHC string format
/// (<c>$&lt;algorithm&gt;$...</c>, e.g. <c>$argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;</c>). The domain does not
/// read what is inside (that is the hasher's business, in Infrastructure); it only keeps the value well-formed: at
/// most <see cref="MaxLength"/> printable ASCII characters with no spaces, starting with <c>$</c> and an algorithm
/// identifier, so that a plaintext can never be stored as a hash by mistake.
/// </summary>
public sealed class PasswordHash
{
    /// <summary>The longest encoding accepted (the database column's size).</summary>
    public const int MaxLength = 256;

    private const int MaxAlgorithmLength = 32;

    private PasswordHash(string encoded, string algorithm)
    {
        Encoded = encoded;
        Algorithm = algorithm;
    }

    public string Encoded { get; }

    /// <summary>The PHC algorithm identifier, e.g. <c>argon2id</c>.</summary>
    public string Algorithm { get; }

    public static Result<PasswordHash> FromEncoded(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || encoded.Length > MaxLength || encoded[0] != '$' || !encoded.All(IsPrintableAscii))
        {
            return Error.Invalid("Not an encoded password hash");
        }

        var algorithm = encoded.Split('$', 3)[1]; // "$argon2id$..." -> ["", "argon2id", "..."]
        if (algorithm.Length is 0 or > MaxAlgorithmLength || !algorithm.All(IsAlgorithmCharacter))
        {
            return Error.Invalid("Not an encoded password hash");
        }

        return new PasswordHash(encoded, algorithm);
    }

    // Never let the hash reach a log line through string interpolation.
    public override string ToString() => $"PasswordHash({Algorithm}, redacted)";

    private static bool IsPrintableAscii(char c) => c is > ' ' and < '\u007f';

    // The PHC string format's identifier: lower-case letters, digits and '-'.
    private static bool IsAlgorithmCharacter(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-';
}
