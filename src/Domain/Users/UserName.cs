using DoubleDibz.Domain.Common;

namespace DoubleDibz.Domain.Users;

/// <summary>
/// A user name: 4–30 ASCII letters and digits. Two names that differ only in case are the same account,
/// so equality uses <see cref="Normalized"/>; <see cref="Value"/> keeps the case the user chose.
/// </summary>
public sealed class UserName : IEquatable<UserName>
{
    public const int MinLength = 4;
    public const int MaxLength = 30;

    private UserName(string value)
    {
        Value = value;
        Normalized = Normalize(value);
    }

    public string Value { get; }

    public string Normalized { get; }

    public static Result<UserName> Create(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Error.Invalid(UserErrors.Required);
        }

        if (!value.All(char.IsAsciiLetterOrDigit))
        {
            return Error.Invalid("Username can only contain letters and numbers");
        }

        if (value.Length is < MinLength or > MaxLength)
        {
            return Error.Invalid($"Username must be between {MinLength} and {MaxLength} characters long");
        }

        return new UserName(value);
    }

    /// <summary>The comparison key; also what a login is matched against.</summary>
    public static string Normalize(string value) => value.ToUpperInvariant();

    public bool Equals(UserName? other) => other is not null && Normalized == other.Normalized;

    public override bool Equals(object? obj) => Equals(obj as UserName);

    public override int GetHashCode() => Normalized.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Value;
}
