using System.Text;

namespace DoubleDibz.Domain.Common;

/// <summary>
/// Text a person could have typed: no control characters (NUL included), no Unicode noncharacters (U+FFFE, U+FFFF,
/// U+FDD0–U+FDEF and their twins in every plane), no lone surrogates, and normalisable (NFKC). Anything else in a
/// field is hostile or broken input; refused up front, it can never make normalisation throw or reach a database
/// that rejects it (PostgreSQL refuses NUL).
/// </summary>
public static class WellFormedText
{
    public const string Message = "Must not contain control characters or invalid Unicode";

    public static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, value[i + 1])))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsSurrogate(c) || char.IsControl(c) || IsNoncharacter(c))
            {
                return false;
            }
        }

        return IsNormalizable(value);
    }

    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    // The checks above cover what is known to make normalisation throw; this keeps the promise for anything else.
    private static bool IsNormalizable(string value)
    {
        try
        {
            _ = value.IsNormalized(NormalizationForm.FormKC);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
