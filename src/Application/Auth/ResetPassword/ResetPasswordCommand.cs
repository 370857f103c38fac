using System.Text;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Auth.ResetPassword;

/// <summary>
/// Set a new password with a reset link's token. Every session of the user ends (the caller's too), the account's
/// login back-off is cleared, and the address counts as confirmed (the link reached it).
/// </summary>
public sealed record ResetPasswordCommand(string? Token, string? Password, string? Confirm) : ICommand<Result<Unit>>
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Token = ").Append(Token is null ? "null" : "[redacted]").Append(", Password = [redacted], Confirm = [redacted]");
        return true;
    }
}
