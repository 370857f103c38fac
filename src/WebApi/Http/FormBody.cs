using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace DoubleDibz.WebApi.Http;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body once per request (CSRF and the body binder both ask).
/// Our own reader rather than ASP.NET Core's, which refuses some percent-encoded bytes (<c>%00</c>) with an
/// unreadable-form error: such a value is still a field the client sent, and the validation names it with a 422.
/// Bytes that are not UTF-8 (a lone surrogate can only arrive so) decode to the noncharacter U+FFFF rather than to
/// U+FFFD, so that validation refuses the field instead of silently accepting a replaced value.
/// </summary>
public static class FormBody
{
    /// <summary>As many fields as ASP.NET Core's own form reader takes by default.</summary>
    public const int MaxFields = 1024;

    private static readonly Encoding StrictUtf8 = Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFF"));

    public static async Task<IFormCollection> ReadAsync(HttpContext context)
    {
        if (context.Features.Get<IFormFeature>()?.Form is { } read)
        {
            return read;
        }

        // The body is percent-encoded ASCII; anything else in it is kept as bytes and judged when decoded.
        using var reader = new StreamReader(context.Request.Body, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted); // bounded by the body size limit
        var form = new FormCollection(Parse(body));
        context.Features.Set<IFormFeature>(new FormFeature(form));
        return form;
    }

    private static Dictionary<string, StringValues> Parse(string body)
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (++count > MaxFields)
            {
                throw new InvalidDataException($"A form may have at most {MaxFields} fields.");
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            fields[key] = fields.TryGetValue(key, out var earlier) ? StringValues.Concat(earlier, value) : new StringValues(value);
        }

        return fields;
    }

    private static string Decode(string text)
    {
        var raw = Encoding.Latin1.GetBytes(text.Replace('+', ' '));
        return StrictUtf8.GetString(WebUtility.UrlDecodeToBytes(raw, 0, raw.Length));
    }
}
