using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Application.Common.Validation;
using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Auth.Signup;

public sealed class SignupValidator : AbstractValidator<SignupCommand>
{
    public SignupValidator(PasswordPolicy passwordPolicy)
    {
        // A signed-in requester gets "already signed up" whatever the form holds, as in the original app.
        When(c => c.Requester is null, () =>
        {
            RuleFor(c => c.UserName).MustCreate(UserName.Create);
            RuleFor(c => c.FirstName).MustCreate(PersonName.Create);
            RuleFor(c => c.LastName).MustCreate(PersonName.Create);
            RuleFor(c => c.Email).MustCreate(EmailAddress.Create);

            RuleFor(c => c.Password).Custom((password, context) =>
            {
                var command = context.InstanceToValidate;
                var violation = string.IsNullOrEmpty(password)
                    ? UserErrors.Required
                    : passwordPolicy.FindViolation(password, command.UserName, command.Email);
                if (violation is not null)
                {
                    context.AddFailure(violation);
                }
            });

            RuleFor(c => c.Confirm)
                .NotEmpty().WithMessage(UserErrors.Required)
                .Equal(c => c.Password).WithMessage("Passwords must match");
        });
    }
}
