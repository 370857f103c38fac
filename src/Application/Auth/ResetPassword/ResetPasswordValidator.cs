using DoubleDibz.Application.Account.ChangePassword;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Auth.ResetPassword;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordValidator(PasswordPolicy passwordPolicy)
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage(AccountTokenErrors.InvalidLink);
        RuleFor(c => c.Password).NotEmpty().WithMessage(UserErrors.Required)
            .Custom((password, context) =>
            {
                // The account's user name and e-mail are not known here; the handler checks them once the token names the user.
                if (!string.IsNullOrEmpty(password) && passwordPolicy.FindViolation(password) is { } violation)
                {
                    context.AddFailure(violation);
                }
            });
        RuleFor(c => c.Confirm)
            .NotEmpty().WithMessage(UserErrors.Required)
            .Equal(c => c.Password).WithMessage(ChangePasswordValidator.PasswordsMustMatch);
    }
}
