using System.Text;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.TwoFactor.RegenerateRecoveryCodes;

/// <summary>A new set of recovery codes, confirmed with the password; the old set is void.</summary>
public sealed record RegenerateRecoveryCodesCommand(string? Password, CurrentSession? Requester) : ICommand<Result<RecoveryCodeList>>, IAuthenticatedRequest
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Password = [redacted], UserId = ").Append(Requester?.UserId);
        return true;
    }
}
