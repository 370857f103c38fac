using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Admin.RevokeSessions;

public sealed class RevokeSessionsValidator : AbstractValidator<RevokeSessionsCommand>
{
    public RevokeSessionsValidator() => RuleFor(c => c.User).NotEmpty().WithMessage(UserErrors.Required);
}
