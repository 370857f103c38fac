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
        _ => throw new ArgumentOutOfRangeException(nameof(error), error.Kind, "Unmapped error kind"),
    };

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> onSuccess) => result.Match(onSuccess, Failure);

    // Use cases name fields as C# properties (UserName); clients sent them snake_case (user_name).
    private static string FieldName(string property) => JsonNamingPolicy.SnakeCaseLower.ConvertName(property);
}
