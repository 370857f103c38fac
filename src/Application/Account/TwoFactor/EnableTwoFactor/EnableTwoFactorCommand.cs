using System.Text;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.TwoFactor.EnableTwoFactor;

/// <summary>Turn two-factor sign-in on by proving one code from the secret set up before; answers the recovery codes, once.</summary>
public sealed record EnableTwoFactorCommand(string? Code, CurrentSession? Requester) : ICommand<Result<RecoveryCodeList>>, IAuthenticatedRequest
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Code = [redacted], UserId = ").Append(Requester?.UserId);
        return true;
    }
}
