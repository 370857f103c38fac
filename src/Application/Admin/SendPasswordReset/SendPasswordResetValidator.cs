using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Admin.SendPasswordReset;

public sealed class SendPasswordResetValidator : AbstractValidator<SendPasswordResetCommand>
{
    public SendPasswordResetValidator() => RuleFor(c => c.User).NotEmpty().WithMessage(UserErrors.Required);
}
