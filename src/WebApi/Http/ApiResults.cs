using System.Text.Json;
using DoubleDibz.Domain.Common;

namespace DoubleDibz.WebApi.Http;

/// <summary>Every response body of the API is built here, in the contract's envelope.</summary>
public static class ApiResults
{
    public static IResult Ok(string message) => Results.Json(new ApiMessage(message));

    public static IResult Ok<T>(T data, string message, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(new ApiData<T>(data, message), statusCode: statusCode);

    public static IResult Error(int statusCode, object message, string? type = null, string moreInfo = "") =>
        Results.Json(new ApiErrorEnvelope(new ApiError(message, type ?? ErrorTypes.For(statusCode), moreInfo)), statusCode: statusCode);

    /// <summary>An expected failure from a use case, as the contract's status, type and message.</summary>
    public static IResult Failure(Error error) => error.Kind switch
    {
        ErrorKind.Validation => Error(
            StatusCodes.Status422UnprocessableEntity,
            error.Fields.Count > 0 ? error.Fields.ToDictionary(f => FieldName(f.Key), f => f.Value) : error.Message,
            ErrorTypes.FormValidation),
        ErrorKind.WrongCredentials => Error(StatusCodes.Status422UnprocessableEntity, error.Message, ErrorTypes.WrongAuthentication),
        ErrorKind.Conflict => Error(StatusCodes.Status409Conflict, error.Message),
        ErrorKind.Unauthorized => Error(StatusCodes.Status401Unauthorized, error.Message),
        ErrorKind.NotFound => Error(StatusCodes.Status404NotFound, error.Message),
        ErrorKind.TwoFactorRequired => Error(StatusCodes.Status401Unauthorized, error.Message, ErrorTypes.TwoFactorRequired),
        ErrorKind.EmailNotConfirmed => Error(StatusCodes.Status403Forbidden, error.Message, ErrorTypes.EmailNotConfirmed),
        ErrorKind.TooManyAttempts => RetryLater(StatusCodes.Status429TooManyRequests, error.Message, error.RetryAfter ?? TimeSpan.FromSeconds(1)),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error.Kind, "Unmapped error kind"),
    };

    /// <summary>429 or 503 with <c>Retry-After</c> in whole seconds, rounded up so a client that waits is not early.</summary>
    public static IResult RetryLater(int statusCode, string message, TimeSpan retryAfter) =>
        new WithRetryAfter(Error(statusCode, message), RetryAfterSeconds(retryAfter));

    public static int RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> onSuccess) => result.Match(onSuccess, Failure);

    // Use cases name fields as C# properties (UserName); clients sent them snake_case (user_name).
    private static string FieldName(string property) => JsonNamingPolicy.SnakeCaseLower.ConvertName(property);

    private sealed class WithRetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
