using System.Text;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Auth.LoginSecondStep;

/// <summary>
/// The second step of a two-factor sign-in: a code from the authenticator app (<see cref="Code"/>) or a recovery code
/// (<see cref="RecoveryCode"/>) for the pending sign-in whose token the browser's cookie holds (<see cref="PendingToken"/>).
/// Answers like a login.
/// </summary>
public sealed record LoginSecondStepCommand(string? Code, string? RecoveryCode, string? PendingToken, CurrentSession? Requester, KnownDevice? Device = null)
    : ICommand<Result<LoginOutcome>>, ISessionOptionalRequest
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Code = [redacted], RecoveryCode = [redacted], PendingToken = [redacted], SignedIn = ").Append(Requester is not null);
        return true;
    }
}
