using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Auth.Login;

public sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        When(c => c.Requester is null, () =>
        {
            RuleFor(c => c.Login).NotEmpty().WithMessage(UserErrors.Required);
            RuleFor(c => c.Password).NotEmpty().WithMessage(UserErrors.Required);
        });
    }
}
