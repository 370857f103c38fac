using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Account.ChangePassword;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator(PasswordPolicy passwordPolicy)
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage(UserErrors.Required);
        RuleFor(c => c.Password).NewPassword(passwordPolicy);
        RuleFor(c => c.Confirm).ConfirmsPassword(c => c.Password);
    }
}
