using DoubleDibz.Application.Common.Validation;
using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Account.ChangeEmail;

public sealed class ChangeEmailValidator : AbstractValidator<ChangeEmailCommand>
{
    public ChangeEmailValidator()
    {
        RuleFor(c => c.Password).NotEmpty().WithMessage(UserErrors.Required);
        RuleFor(c => c.Email).NotEmpty().WithMessage(UserErrors.Required).DependentRules(() => RuleFor(c => c.Email).MustCreate(EmailAddress.Create));
    }
}
