using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using MapsterMapper;
using Mediator;

namespace DoubleDibz.Application.Account.ChangePassword;

public sealed class ChangePasswordHandler(
    IUserRepository users,
    PasswordCheck passwordCheck,
    PasswordPolicy passwordPolicy,
    IPasswordHasher passwordHasher,
    ISessionStore sessions,
    IAuditLog audit,
    IMapper mapper,
    IAccountTokenStore tokens) : ICommandHandler<ChangePasswordCommand, Result<PasswordChanged>>
{
    public const string WrongCurrentPassword = "Current password is incorrect";

    public async ValueTask<Result<PasswordChanged>> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var requester = command.SignedIn();
        var user = await users.FindByIdAsync(requester.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.NotAuthorized; // the account was deleted a moment ago
        }

        if (passwordPolicy.FindViolation(command.Password!, user.UserName.Value, user.Email.Value) is { } violation)
        {
            return Error.Validation(new Dictionary<string, IReadOnlyList<string>> { [nameof(command.Password)] = [violation] });
        }

        var checkedPassword = await passwordCheck.VerifyAsync(user, command.CurrentPassword!, nameof(command.CurrentPassword), WrongCurrentPassword, cancellationToken);
        if (!checkedPassword.IsSuccess)
        {
            return checkedPassword.Error;
        }

        user.ReplacePasswordHash(await passwordHasher.HashAsync(command.Password!, cancellationToken));
        tokens.VoidAll(user.Id, AccountTokenPurpose.ResetPassword); // a reset link sent before the change must not undo it

        // Every session ends, the requester's too: it goes on under a new id, so a copy of its old cookie is worthless.
        var ended = await sessions.EndAllAsync(user.Id, except: null, cancellationToken);
        var session = await sessions.StartAsync(user.Id, requester.Persistent, cancellationToken);
        audit.PasswordChanged(user.Id, otherSessionsEnded: Math.Max(0, ended - 1));
        return new PasswordChanged(mapper.Map<UserDto>(user), session);
    }
}
