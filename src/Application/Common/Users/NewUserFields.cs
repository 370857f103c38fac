using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Application.Common.Validation;
using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Common.Users;

/// <summary>The fields of a new account, as any use case that creates one receives them.</summary>
public interface INewUserFields
{
    string? UserName { get; }

    string? FirstName { get; }

    string? LastName { get; }

    string? Email { get; }

    string? Password { get; }
}

/// <summary>
/// The rules for a new account, shared by signup and the admin's create-user. The password is checked against
/// the policy when there is one; whether it is required is the including validator's decision.
/// </summary>
public sealed class NewUserValidator : AbstractValidator<INewUserFields>
{
    public NewUserValidator(PasswordPolicy passwordPolicy)
    {
        RuleFor(c => c.UserName).MustCreate(UserName.Create);
        RuleFor(c => c.FirstName).MustCreate(PersonName.Create);
        RuleFor(c => c.LastName).MustCreate(PersonName.Create);
        RuleFor(c => c.Email).MustCreate(EmailAddress.Create);
        RuleFor(c => c.Password).Custom((password, context) =>
        {
            var fields = context.InstanceToValidate;
            if (!string.IsNullOrEmpty(password) && passwordPolicy.FindViolation(password, fields.UserName, fields.Email) is { } violation)
            {
                context.AddFailure(violation);
            }
        });
    }
}
