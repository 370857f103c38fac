using System.Linq.Expressions;
using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Common.Passwords;

/// <summary>The rules for a new password and its confirmation, shared by every form that sets one.</summary>
public static class NewPasswordRules
{
    public const string PasswordsMustMatch = "Passwords must match";

    /// <summary>
    /// Required and within <paramref name="policy"/> as far as it can be checked without the account: the handler,
    /// which loads the user, checks that it is not the user name or the e-mail address.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> NewPassword<T>(this IRuleBuilder<T, string?> rule, PasswordPolicy policy) =>
        rule.NotEmpty().WithMessage(UserErrors.Required)
            .Custom((password, context) =>
            {
                if (!string.IsNullOrEmpty(password) && policy.FindViolation(password) is { } violation)
                {
                    context.AddFailure(violation);
                }
            });

    public static IRuleBuilderOptions<T, string?> ConfirmsPassword<T>(this IRuleBuilder<T, string?> rule, Expression<Func<T, string?>> password) =>
        rule.NotEmpty().WithMessage(UserErrors.Required)
            .Equal(password).WithMessage(PasswordsMustMatch);
}
