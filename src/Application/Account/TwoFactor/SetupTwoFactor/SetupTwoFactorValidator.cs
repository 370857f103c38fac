using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Account.TwoFactor.SetupTwoFactor;

public sealed class SetupTwoFactorValidator : AbstractValidator<SetupTwoFactorCommand>
{
    public SetupTwoFactorValidator()
    {
        RuleFor(c => c.Password).NotEmpty().WithMessage(UserErrors.Required);
    }
}
