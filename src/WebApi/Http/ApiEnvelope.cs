using System.Text.Json.Serialization;

namespace DoubleDibz.WebApi.Http;

/// <summary><c>{"success": true, "message": ...}</c></summary>
public sealed record ApiMessage(string Message)
{
    [JsonPropertyOrder(-1)]
    public bool Success => true;
}

/// <summary><c>{"success": true, "data": {...}, "message": ...}</c></summary>
public sealed record ApiData<T>(T Data, string Message)
{
    [JsonPropertyOrder(-1)]
    public bool Success => true;
}

/// <summary><c>{"errors": {"message": ..., "type": ..., "more info": ""}}</c>; message is a text or a field-to-messages map.</summary>
public sealed record ApiErrorEnvelope(ApiError Errors);

public sealed record ApiError(object Message, string Type, [property: JsonPropertyName("more info")] string MoreInfo);
