namespace DoubleDibz.WebApi.Http;

/// <summary>The contract's stable <c>errors.type</c> labels.</summary>
public static class ErrorTypes
{
    public const string FormValidation = "Form validation error";
    public const string WrongAuthentication = "Wrong Authentication";
    public const string Csrf = "CSRF error";
    public const string TwoFactorRequired = "Two-factor required";
    public const string EmailNotConfirmed = "Email not confirmed";

    public static string For(int statusCode) => statusCode switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        >= 500 => "Internal Server Error",
        _ => "Error",
    };

    /// <summary>The message for an error status the framework produced without a body.</summary>
    public static string DefaultMessage(int statusCode) => statusCode switch
    {
        400 => "The request could not be understood.",
        401 => "You're not authorized!",
        404 => "The requested URL was not found on the server.",
        405 => "The method is not allowed for the requested URL.",
        413 => $"The request body is larger than {RequestBody.MaxBytes} bytes.",
        415 => "Send the body as application/json or application/x-www-form-urlencoded.",
        _ => "The request failed.",
    };
}
