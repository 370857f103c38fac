using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Admin.DisableTwoFactor;

public sealed class DisableTwoFactorValidator : AbstractValidator<DisableTwoFactorCommand>
{
    public DisableTwoFactorValidator() => RuleFor(c => c.User).NotEmpty().WithMessage(UserErrors.Required);
}
