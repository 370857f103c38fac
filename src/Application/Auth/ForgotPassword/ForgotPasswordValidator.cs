using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Auth.ForgotPassword;

public sealed class ForgotPasswordValidator : AbstractValidator<ForgotPasswordCommand>
{
    public ForgotPasswordValidator() => RuleFor(c => c.Login).NotEmpty().WithMessage(UserErrors.Required);
}
