using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Account.TwoFactor.DisableTwoFactor;

public sealed class DisableTwoFactorValidator : AbstractValidator<DisableTwoFactorCommand>
{
    public DisableTwoFactorValidator()
    {
        RuleFor(c => c.Password).NotEmpty().WithMessage(UserErrors.Required);
        RuleFor(c => c.Code).NotEmpty().WithMessage(UserErrors.Required);
    }
}
