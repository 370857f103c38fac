using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.ResendConfirmation;

/// <summary>Send the signed-in user a new confirmation link for their address (the older link stops working).</summary>
public sealed record ResendConfirmationCommand(CurrentSession? Requester) : ICommand<Result<ResendOutcome>>, IAuthenticatedRequest;

public enum ResendOutcome
{
    Sent,

    /// <summary>The address was confirmed already; nothing was sent.</summary>
    AlreadyConfirmed,
}
