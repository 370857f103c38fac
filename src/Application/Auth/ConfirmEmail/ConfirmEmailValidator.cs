using DoubleDibz.Application.Common.Mail;
using FluentValidation;

namespace DoubleDibz.Application.Auth.ConfirmEmail;

public sealed class ConfirmEmailValidator : AbstractValidator<ConfirmEmailCommand>
{
    public ConfirmEmailValidator() => RuleFor(c => c.Token).NotEmpty().WithMessage(AccountTokenErrors.InvalidLink);
}
