using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Admin.DisableTwoFactor;

/// <summary>
/// Turns a user's two-factor sign-in off (a lost device and no recovery code left), so the password alone signs in
/// again. <see cref="User"/> is a user name or e-mail, as at login. Answers whether it was on.
/// </summary>
public sealed record DisableTwoFactorCommand(string? User) : ICommand<Result<bool>>;
