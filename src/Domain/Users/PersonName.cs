using DoubleDibz.Domain.Common;

namespace DoubleDibz.Domain.Users;

/// <summary>A first or last name: trimmed, 1–64 characters of well-formed text (<see cref="WellFormedText"/>).</summary>
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

        if (!WellFormedText.IsWellFormed(trimmed))
        {
            return Error.Invalid(WellFormedText.Message);
        }

        return new PersonName(trimmed);
    }

    public override string ToString() => Value;
}
