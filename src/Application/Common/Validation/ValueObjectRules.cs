using DoubleDibz.Domain.Common;
using FluentValidation;

namespace DoubleDibz.Application.Common.Validation;

public static class ValueObjectRules
{
    /// <summary>
    /// Validates a field by asking the value object's own <c>Create</c>, so a rule such as "4–30 letters and digits"
    /// is written once, in the domain, and the validator reports the domain's message under the field's name.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustCreate<T, TValue>(
        this IRuleBuilder<T, string?> rule, Func<string?, Result<TValue>> create) =>
        rule.Custom((value, context) =>
        {
            var result = create(value);
            if (!result.IsSuccess)
            {
                context.AddFailure(result.Error.Message);
            }
        });
}
