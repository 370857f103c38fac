using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Application.Common.Users;
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
            Include(new NewUserValidator(passwordPolicy));
            RuleFor(c => c.Password).NotEmpty().WithMessage(UserErrors.Required);
            RuleFor(c => c.Confirm).ConfirmsPassword(c => c.Password);
        });
    }
}
