using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Account.DeleteAccount;

public sealed class DeleteAccountValidator : AbstractValidator<DeleteAccountCommand>
{
    public DeleteAccountValidator()
    {
        RuleFor(c => c.Password).NotEmpty().WithMessage(UserErrors.Required);
    }
}
