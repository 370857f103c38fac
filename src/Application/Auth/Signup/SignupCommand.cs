using System.Text;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Auth.Signup;

/// <summary>Create an account and sign in to it. Fields are as the client sent them; <see cref="SignupValidator"/> checks them.</summary>
public sealed record SignupCommand(
    string? UserName,
    string? FirstName,
    string? LastName,
    string? Email,
    string? Password,
    string? Confirm,
    CurrentSession? Requester) : ICommand<Result<SignupOutcome>>, INewUserFields, ISessionOptionalRequest
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("UserName = ").Append(UserName).Append(", Email = ").Append(Email).Append(", Password = [redacted]");
        return true;
    }
}

public abstract record SignupOutcome
{
    /// <summary>The request came from a signed-in session; nothing was created.</summary>
    public sealed record AlreadySignedUp : SignupOutcome;

    public sealed record SignedUp(UserDto User, IssuedSession Session) : SignupOutcome;

    /// <summary>Created, but nobody is signed in until the address is confirmed (<c>Accounts:RequireConfirmedEmail</c>).</summary>
    public sealed record AwaitingConfirmation(UserDto User) : SignupOutcome;
}
