using DoubleDibz.Application.Common.Validation;
using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Account.UpdateProfile;

public sealed class UpdateProfileValidator : AbstractValidator<UpdateProfileCommand>
{
    public UpdateProfileValidator()
    {
        // The signup rules, for the fields that were sent.
        When(c => c.FirstName is not null, () => RuleFor(c => c.FirstName).MustCreate(PersonName.Create));
        When(c => c.LastName is not null, () => RuleFor(c => c.LastName).MustCreate(PersonName.Create));
    }
}
