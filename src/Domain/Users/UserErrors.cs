using DoubleDibz.Domain.Common;

namespace DoubleDibz.Domain.Users;

/// <summary>The user-facing wording of the account rules, in one place.</summary>
public static class UserErrors
{
    public const string Required = "This field is required.";

    public static readonly Error UserNameTaken = Error.Conflict("This username is already taken!");
    public static readonly Error EmailTaken = Error.Conflict("This email is already taken!");

    public static readonly Error TwoFactorAlreadyOn = Error.Conflict("Two-factor sign-in is already on");
    public static readonly Error TwoFactorNotSetUp = Error.Conflict("Set up two-factor sign-in first");
    public static readonly Error TwoFactorNotOn = Error.Conflict("Two-factor sign-in is not on");
}
