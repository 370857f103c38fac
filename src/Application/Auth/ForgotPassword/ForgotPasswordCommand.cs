using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Auth.ForgotPassword;

/// <summary>
/// Ask for a password-reset link for the account whose user name or e-mail is <see cref="Login"/>. The answer is the
/// same whether or not such an account exists; the mail is only queued.
/// </summary>
public sealed record ForgotPasswordCommand(string? Login) : ICommand<Result<Unit>>;
