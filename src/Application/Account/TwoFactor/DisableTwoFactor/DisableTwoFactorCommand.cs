using System.Text;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.TwoFactor.DisableTwoFactor;

/// <summary>Turn two-factor sign-in off, confirmed with the password and a code from the app or a recovery code.</summary>
public sealed record DisableTwoFactorCommand(string? Password, string? Code, CurrentSession? Requester) : ICommand<Result<Unit>>, IAuthenticatedRequest
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Password = [redacted], Code = [redacted], UserId = ").Append(Requester?.UserId);
        return true;
    }
}
