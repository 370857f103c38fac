using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Account.TwoFactor.RegenerateRecoveryCodes;

public sealed class RegenerateRecoveryCodesValidator : AbstractValidator<RegenerateRecoveryCodesCommand>
{
    public RegenerateRecoveryCodesValidator()
    {
        RuleFor(c => c.Password).NotEmpty().WithMessage(UserErrors.Required);
    }
}
