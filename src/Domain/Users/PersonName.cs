using DoubleDibz.Domain.Common;

namespace DoubleDibz.Domain.Users;

/// <summary>A first or last name: trimmed, 1–64 characters, no control characters.</summary>
public sealed record PersonName
{
    public const int MaxLength = 64;

    private PersonName(string value) => Value = value;

    public string Value { get; }

    public static Result<PersonName> Create(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Error.Invalid(UserErrors.Required);
        }

        if (trimmed.Length > MaxLength)
        {
            return Error.Invalid($"Must be at most {MaxLength} characters long");
        }

        if (trimmed.Any(char.IsControl))
        {
            return Error.Invalid("Must not contain control characters");
        }

        return new PersonName(trimmed);
    }

    public override string ToString() => Value;
}
