using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Account.ChangePassword;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public const string PasswordsMustMatch = "Passwords must match";

    public ChangePasswordValidator(PasswordPolicy passwordPolicy)
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage(UserErrors.Required);
        RuleFor(c => c.Password).NotEmpty().WithMessage(UserErrors.Required)
            .Custom((password, context) =>
            {
                // The account's user name and e-mail are not in the message; the handler checks them (it loads the user).
                if (!string.IsNullOrEmpty(password) && passwordPolicy.FindViolation(password) is { } violation)
                {
                    context.AddFailure(violation);
                }
            });
        RuleFor(c => c.Confirm)
            .NotEmpty().WithMessage(UserErrors.Required)
            .Equal(c => c.Password).WithMessage(PasswordsMustMatch);
    }
}
