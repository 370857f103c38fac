using FluentValidation;

namespace DoubleDibz.Application.Admin.ListUsers;

public sealed class ListUsersValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, 100_000).WithMessage("Limit must be between 1 and 100000");
}
