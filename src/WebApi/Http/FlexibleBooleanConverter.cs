using System.Text.Json;
using System.Text.Json.Serialization;

namespace DoubleDibz.WebApi.Http;

/// <summary>
/// Reads a boolean the way HTML forms and older clients send it: true/false, on/off, y/n, yes/no, 1/0
/// (as JSON booleans, numbers or strings, any case). An empty string or null is false, as an unchecked box.
/// </summary>
public sealed class FlexibleBooleanConverter : JsonConverter<bool>
{
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False or JsonTokenType.Null => false,
        JsonTokenType.Number when reader.TryGetInt32(out var number) && number is 0 or 1 => number == 1,
        JsonTokenType.String => Parse(reader.GetString()),
        _ => throw new JsonException("Not a boolean."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);

    private static bool Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "ON" or "Y" or "YES" or "1" => true,
        "FALSE" or "OFF" or "N" or "NO" or "0" or "" => false,
        _ => throw new JsonException("Not a boolean."),
    };
}
