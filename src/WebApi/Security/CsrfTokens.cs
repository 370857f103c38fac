using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace DoubleDibz.WebApi.Security;

/// <summary>
/// Anti-forgery tokens bound to the browser, not to the signed-in user, so a token read once at page load stays
/// valid through signup, login and logout. The browser holds a random id in an HttpOnly cookie; a token is that id
/// protected with the data-protection key ring (shared by every instance through the database). A forged
/// request can send the cookie but cannot read it, so it cannot make a matching token.
/// </summary>
public sealed class CsrfTokens(IDataProtectionProvider dataProtection, IOptions<CookieSettings> settings)
{
    private const int BrowserIdBytes = 32;
    private static readonly object IssuedKey = new();

    private readonly IDataProtector _protector = dataProtection.CreateProtector("DoubleDibz.Csrf.v1");
    private readonly CookieSettings _settings = settings.Value;

    /// <summary>A token for this browser; sets the browser-id cookie first when the browser has none.</summary>
    public string IssueToken(HttpContext context)
    {
        var browserId = ReadBrowserId(context);
        if (browserId is null)
        {
            browserId = RandomNumberGenerator.GetBytes(BrowserIdBytes);
            context.Items[IssuedKey] = browserId;
            context.Response.Cookies.Append(_settings.CsrfCookie, Base64Url.EncodeToString(browserId), _settings.Options(context));
        }

        return Base64Url.EncodeToString(_protector.Protect(browserId));
    }

    public bool IsValid(HttpContext context, string? token)
    {
        var browserId = ReadBrowserId(context);
        if (browserId is null || string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            return CryptographicOperations.FixedTimeEquals(_protector.Unprotect(Base64Url.DecodeFromChars(token)), browserId);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }

    private byte[]? ReadBrowserId(HttpContext context)
    {
        if (context.Items[IssuedKey] is byte[] issued)
        {
            return issued;
        }

        var cookie = context.Request.Cookies[_settings.CsrfCookie];
        if (cookie is null || cookie.Length != Base64Url.GetEncodedLength(BrowserIdBytes))
        {
            return null;
        }

        var id = new byte[BrowserIdBytes];
        return Base64Url.DecodeFromChars(cookie, id, out _, out var written) == System.Buffers.OperationStatus.Done && written == BrowserIdBytes
            ? id
            : null;
    }
}
