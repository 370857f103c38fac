using System.Text;
using DoubleDibz.Application.Common.Ports;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Application.Common.Passwords;

/// <summary>
/// The rules for choosing a password (NIST SP 800-63B): a length range, no composition rules, not a commonly used
/// password, and not the account's own user name or e-mail. Length counts Unicode code points after NFKC.
/// </summary>
public sealed class PasswordPolicy(IOptions<PasswordPolicyOptions> options, ICommonPasswords commonPasswords)
{
    private readonly PasswordPolicyOptions _options = options.Value;

    /// <summary>The first rule <paramref name="password"/> breaks, or null when it is acceptable.</summary>
    public string? FindViolation(string password, params IEnumerable<string?> personalValues)
    {
        var normalized = Normalize(password);
        var length = normalized.EnumerateRunes().Count();
        if (length < _options.MinLength || length > _options.MaxLength)
        {
            return $"Password must be between {_options.MinLength} and {_options.MaxLength} characters long";
        }

        if (personalValues.Any(v => !string.IsNullOrWhiteSpace(v) && string.Equals(Normalize(v.Trim()), normalized, StringComparison.OrdinalIgnoreCase)))
        {
            return "Password must not be the same as your username or email";
        }

        if (commonPasswords.Contains(normalized))
        {
            return "This password is too common, please choose another one";
        }

        return null;
    }

    /// <summary>The form in which passwords are compared and hashed, so "ﬁ" and "fi" are the same password.</summary>
    public static string Normalize(string password) => password.Normalize(NormalizationForm.FormKC);
}
