using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Account.TwoFactor.EnableTwoFactor;

public sealed class EnableTwoFactorValidator : AbstractValidator<EnableTwoFactorCommand>
{
    public EnableTwoFactorValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage(UserErrors.Required);
    }
}
