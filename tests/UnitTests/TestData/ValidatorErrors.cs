using FluentValidation;

namespace DoubleDibz.UnitTests.TestData;

public static class ValidatorErrors
{
    /// <summary>The validator's messages by property, as the error envelope lists them under each field.</summary>
    public static Dictionary<string, string[]> ErrorsFor<T>(this IValidator<T> validator, T command) =>
        validator.Validate(command).Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
}
