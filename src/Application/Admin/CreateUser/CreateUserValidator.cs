using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Application.Common.Users;
using FluentValidation;

namespace DoubleDibz.Application.Admin.CreateUser;

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator(PasswordPolicy passwordPolicy)
    {
        Include(new NewUserValidator(passwordPolicy));
        RuleFor(c => c.Role)
            .Must(role => UserMapping.RoleFromName(role) is not null)
            .WithMessage("Role must be one of admin, staff, user, test");
    }
}
