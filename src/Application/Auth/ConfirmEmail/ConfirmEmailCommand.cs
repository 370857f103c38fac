using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Auth.ConfirmEmail;

/// <summary>
/// Follow a confirmation link: the token confirms the user's address, or, for a pending change of address, makes the
/// new address the user's. No session needed (the link may be opened on another device); nobody is signed in.
/// </summary>
public sealed record ConfirmEmailCommand(string? Token) : ICommand<Result<UserDto>>
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Token = ").Append(Token is null ? "null" : "[redacted]");
        return true;
    }
}
