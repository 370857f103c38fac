using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Passwords;
using FluentValidation;

namespace DoubleDibz.Application.Auth.ResetPassword;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordValidator(PasswordPolicy passwordPolicy)
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage(AccountTokenErrors.InvalidLink);
        RuleFor(c => c.Password).NewPassword(passwordPolicy);
        RuleFor(c => c.Confirm).ConfirmsPassword(c => c.Password);
    }
}
