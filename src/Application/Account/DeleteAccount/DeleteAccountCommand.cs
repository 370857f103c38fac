using System.Text;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.DeleteAccount;

/// <summary>
/// Remove the requester's account for good, confirmed with its password: every session ends, and the user name and
/// e-mail address are free again. The audit trail keeps the user id.
/// </summary>
public sealed record DeleteAccountCommand(string? Password, CurrentSession? Requester) : ICommand<Result<Unit>>, IAuthenticatedRequest
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Password = [redacted], UserId = ").Append(Requester?.UserId);
        return true;
    }
}
