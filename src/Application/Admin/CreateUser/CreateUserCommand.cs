using System.Text;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Admin.CreateUser;

/// <summary>
/// An operator creates an account with any role. With no <see cref="Password"/>, one is generated and returned once.
/// </summary>
public sealed record CreateUserCommand(string? UserName, string? FirstName, string? LastName, string? Email, string? Password, string? Role)
    : ICommand<Result<CreatedUser>>, INewUserFields
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("UserName = ").Append(UserName).Append(", Email = ").Append(Email).Append(", Role = ").Append(Role)
            .Append(", Password = [redacted]");
        return true;
    }
}

/// <param name="GeneratedPassword">The password made for the account when none was given; shown once, stored nowhere.</param>
public sealed record CreatedUser(UserDto User, string? GeneratedPassword)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("User = ").Append(User).Append(", GeneratedPassword = [redacted]");
        return true;
    }
}
