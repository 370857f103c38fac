using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Admin.RevokeSessions;

/// <summary>Signs a user out everywhere. <see cref="User"/> is a user name or e-mail, as at login.</summary>
public sealed record RevokeSessionsCommand(string? User) : ICommand<Result<int>>;
