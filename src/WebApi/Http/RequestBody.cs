using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DoubleDibz.WebApi.Http;

/// <summary>
/// A POST body read the same way from JSON and from an HTML form (what jQuery's <c>$.post</c> sends), with
/// snake_case field names. No body at all reads as an empty form, so missing fields become validation errors.
/// Malformed JSON is a 400 and any other content type a 415, both in the contract's envelope.
/// </summary>
public sealed class RequestBody<T>
    where T : class, new()
{
    private RequestBody(T value) => Value = value;

    public T Value { get; }

    public static async ValueTask<RequestBody<T>?> BindAsync(HttpContext context)
    {
        var request = context.Request;
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        switch (RequestBody.FormatOf(request))
        {
            case BodyFormat.None:
                return new RequestBody<T>(new T());
            case BodyFormat.Json:
                return new RequestBody<T>(await ReadJsonAsync(request, options));
            case BodyFormat.Form:
                var form = await FormBody.ReadAsync(context);
                var fields = new JsonObject();
                foreach (var (key, value) in form)
                {
                    fields[key] = value.ToString();
                }

                return new RequestBody<T>(Deserialize(() => fields.Deserialize<T>(options)));
            default:
                throw new BadHttpRequestException(ErrorTypes.DefaultMessage(415), StatusCodes.Status415UnsupportedMediaType);
        }
    }

    private static async Task<T> ReadJsonAsync(HttpRequest request, JsonSerializerOptions options)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted)
                ?? throw new BadHttpRequestException("The request body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            throw Malformed(exception);
        }
    }

    private static T Deserialize(Func<T?> read)
    {
        try
        {
            return read() ?? new T();
        }
        catch (JsonException exception)
        {
            throw Malformed(exception);
        }
    }

    // JsonException messages name .NET types; only its JSON path is safe and useful to show.
    private static BadHttpRequestException Malformed(JsonException exception) =>
        new(string.IsNullOrEmpty(exception.Path) || exception.Path == "$"
            ? "The request body is not valid JSON."
            : $"The request body has an invalid value at {exception.Path}.");
}

public enum BodyFormat
{
    None,
    Json,
    Form,
    Unsupported,
}

public static class RequestBody
{
    /// <summary>The body size limit shared by Kestrel, form reading and the error message.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>How a request's body is encoded: JSON, an HTML form, nothing at all, or something the API does not take.</summary>
    public static BodyFormat FormatOf(HttpRequest request)
    {
        var canHaveBody = request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;
        if (!canHaveBody || request.ContentLength == 0)
        {
            return BodyFormat.None;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return BodyFormat.Unsupported;
        }

        if (mediaType.MatchesMediaType("application/json") || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return BodyFormat.Json;
        }

        return mediaType.MatchesMediaType("application/x-www-form-urlencoded") ? BodyFormat.Form : BodyFormat.Unsupported;
    }
}
