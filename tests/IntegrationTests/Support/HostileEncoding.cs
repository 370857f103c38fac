using System.Globalization;
using System.Text;

namespace DoubleDibz.IntegrationTests.Support;

/// <summary>
/// Bodies as a hostile client writes them, for text that ordinary encoders refuse: JSON with <c>\uXXXX</c> escapes
/// for everything outside printable ASCII (lone surrogates included), and percent-encoding of each code point in
/// UTF-8's bit layout, lone surrogates too (WTF-8), which real UTF-8 cannot carry.
/// </summary>
public static class HostileEncoding
{
    public static string JsonString(string text) =>
        "\"" + string.Concat(text.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";

    public static string JsonObject(IEnumerable<KeyValuePair<string, string>> fields) =>
        "{" + string.Join(',', fields.Select(f => JsonString(f.Key) + ":" + JsonString(f.Value))) + "}";

    public static string Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => PercentEncode(f.Key) + "=" + PercentEncode(f.Value)));

    public static string PercentEncode(string text)
    {
        var encoded = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text[i], text[++i]) : text[i];
            foreach (var b in WobblyUtf8(codePoint))
            {
                encoded.Append(char.IsAsciiLetterOrDigit((char)b) ? ((char)b).ToString() : "%" + b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    private static byte[] WobblyUtf8(int cp) => cp switch
    {
        < 0x80 => [(byte)cp],
        < 0x800 => [(byte)(0xC0 | (cp >> 6)), (byte)(0x80 | (cp & 0x3F))],
        < 0x10000 => [(byte)(0xE0 | (cp >> 12)), (byte)(0x80 | ((cp >> 6) & 0x3F)), (byte)(0x80 | (cp & 0x3F))],
        _ => [(byte)(0xF0 | (cp >> 18)), (byte)(0x80 | ((cp >> 12) & 0x3F)), (byte)(0x80 | ((cp >> 6) & 0x3F)), (byte)(0x80 | (cp & 0x3F))],
    };
}
