using System.Text;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.ChangeEmail;

/// <summary>
/// Ask to move the signed-in user's account to another address, confirmed with the password. The address changes
/// only when the link sent to the new address is followed; the old address is told at once.
/// </summary>
public sealed record ChangeEmailCommand(string? Password, string? Email, CurrentSession? Requester) : ICommand<Result<string>>, IAuthenticatedRequest
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Password = [redacted], UserId = ").Append(Requester?.UserId);
        return true;
    }
}
