namespace DoubleDibz.Domain.Common;

/// <summary>What kind of expected failure happened; the API layer maps each kind to a status code.</summary>
public enum ErrorKind
{
    Validation,
    Conflict,
    WrongCredentials,
    Unauthorized,

    /// <summary>The thing asked for does not exist (admin commands; the API never reveals this for accounts).</summary>
    NotFound,

    /// <summary>Too many recent attempts; <see cref="Error.RetryAfter"/> says when to try again.</summary>
    TooManyAttempts,

    /// <summary>The password was right, and the account's second factor is still needed (two-factor sign-in).</summary>
    TwoFactorRequired,
    /// <summary>The right password for an account whose address must be confirmed first (<c>Accounts:RequireConfirmedEmail</c>).</summary>
    EmailNotConfirmed,
}

/// <summary>An expected failure. <see cref="Fields"/> is set for validation errors: property name to messages.</summary>
public sealed record Error(ErrorKind Kind, string Message)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Fields { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>For <see cref="ErrorKind.TooManyAttempts"/>: how long the caller must wait.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static Error Validation(IReadOnlyDictionary<string, IReadOnlyList<string>> fields) =>
        new(ErrorKind.Validation, "Form validation error") { Fields = fields };

    /// <summary>A value object refused its input; the caller knows which field it came from.</summary>
    public static Error Invalid(string message) => new(ErrorKind.Validation, message);

    public static Error Conflict(string message) => new(ErrorKind.Conflict, message);

    public static Error WrongCredentials(string message) => new(ErrorKind.WrongCredentials, message);

    public static Error Unauthorized(string message) => new(ErrorKind.Unauthorized, message);

    public static Error NotFound(string message) => new(ErrorKind.NotFound, message);

    public static Error TwoFactorRequired(string message) => new(ErrorKind.TwoFactorRequired, message);
    public static Error EmailNotConfirmed(string message) => new(ErrorKind.EmailNotConfirmed, message);

    public static Error TooManyAttempts(string message, TimeSpan retryAfter) =>
        new(ErrorKind.TooManyAttempts, message) { RetryAfter = retryAfter };
}
