using System.Text;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.ChangePassword;

/// <summary>
/// Replace the signed-in user's password. Every other session ends, and the requester's session is replaced by a new
/// one (a new id and cookie), so whoever held a copy of any old cookie is signed out.
/// </summary>
public sealed record ChangePasswordCommand(string? CurrentPassword, string? Password, string? Confirm, CurrentSession? Requester)
    : ICommand<Result<PasswordChanged>>, IAuthenticatedRequest
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("CurrentPassword = [redacted], Password = [redacted], Confirm = [redacted], UserId = ").Append(Requester?.UserId);
        return true;
    }
}

/// <param name="Session">The requester's new session, replacing the one the request came with.</param>
public sealed record PasswordChanged(UserDto User, IssuedSession Session);
