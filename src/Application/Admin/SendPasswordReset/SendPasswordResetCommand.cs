using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Admin.SendPasswordReset;

/// <summary>Queue a password-reset link for a user (<see cref="User"/>: a user name or e-mail, as at login); returns the address it goes to.</summary>
public sealed record SendPasswordResetCommand(string? User) : ICommand<Result<string>>;
