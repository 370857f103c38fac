using System.Net.Mail;
using DoubleDibz.Domain.Common;

namespace DoubleDibz.Domain.Users;

/// <summary>
/// A syntactically valid e-mail address of at most 254 characters. Addresses are unique regardless of case,
/// so equality uses <see cref="Normalized"/>; <see cref="Value"/> is kept as entered (trimmed).
/// </summary>
public sealed class EmailAddress : IEquatable<EmailAddress>
{
    public const int MaxLength = 254;

    private EmailAddress(string value)
    {
        Value = value;
        Normalized = Normalize(value);
    }

    public string Value { get; }

    public string Normalized { get; }

    public static Result<EmailAddress> Create(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Error.Invalid(UserErrors.Required);
        }

        if (trimmed.Length > MaxLength)
        {
            return Error.Invalid($"Email must be at most {MaxLength} characters long");
        }

        return IsWellFormed(trimmed) ? new EmailAddress(trimmed) : Error.Invalid("Invalid email address.");
    }

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    // MailAddress accepts display names and comments ("Sam <s@x.io>"); an account address must be the bare
    // addr-spec, with a dotted domain and no whitespace or control characters anywhere.
    private static bool IsWellFormed(string value)
    {
        if (!WellFormedText.IsWellFormed(value) || value.Any(char.IsWhiteSpace) || value.Contains('<', StringComparison.Ordinal))
        {
            return false;
        }

        if (!MailAddress.TryCreate(value, out var parsed) || parsed.Address != value || !string.IsNullOrEmpty(parsed.DisplayName))
        {
            return false;
        }

        var domain = parsed.Host;
        return domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.')
            && !domain.EndsWith('.')
            && !domain.Contains("..", StringComparison.Ordinal);
    }

    public bool Equals(EmailAddress? other) => other is not null && Normalized == other.Normalized;

    public override bool Equals(object? obj) => Equals(obj as EmailAddress);

    public override int GetHashCode() => Normalized.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Value;
}
