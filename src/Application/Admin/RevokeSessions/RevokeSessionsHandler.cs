using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Admin.RevokeSessions;

public sealed class RevokeSessionsHandler(IUserRepository users, ISessionStore sessions, IAuditLog audit)
    : ICommandHandler<RevokeSessionsCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RevokeSessionsCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByLoginAsync(command.User!.Trim(), cancellationToken);
        if (user is null)
        {
            return Error.NotFound($"There is no user '{command.User.Trim()}'.");
        }

        var revoked = await sessions.EndAllAsync(user.Id, except: null, cancellationToken);
        audit.SessionsRevoked(user.Id, revoked);
        return revoked;
    }
}
