using DoubleDibz.Domain.Common;

namespace DoubleDibz.Application.Auth;

public static class AuthErrors
{
    public static readonly Error NotAuthorized = Error.Unauthorized("You're not authorized!");

    // One message for "no such account" and "wrong password", so the answer does not reveal which accounts exist.
    public static readonly Error InvalidCredentials = Error.WrongCredentials("Invalid username or password");

    /// <summary>The right password of a two-factor account: the second step (<c>/api/auth/login/2fa</c>) follows.</summary>
    public static readonly Error TwoFactorRequired = Error.TwoFactorRequired("Enter the code from your authenticator app");
    public static readonly Error EmailNotConfirmed = Error.EmailNotConfirmed("Please confirm your e-mail address first");

    public static Error TooManyAttempts(TimeSpan retryAfter) =>
        Error.TooManyAttempts($"Too many failed logins, try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds", retryAfter);
}
