using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;

namespace DoubleDibz.WebApi.Http;

/// <summary>The current HTTP request's client, as a new session records it; nothing outside a request (the admin commands).</summary>
public sealed class HttpRequestOrigin(IHttpContextAccessor accessor) : IRequestOrigin
{
    public string? UserAgent => Trimmed(accessor.HttpContext?.Request.Headers.UserAgent.ToString());

    // After the forwarded-headers middleware: behind a trusted proxy, the client the proxy reports.
    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>
    /// A header is whatever a client sent: keep at most <see cref="IRequestOrigin.MaxUserAgentLength"/> characters,
    /// never half a surrogate pair, and nothing that is not well-formed text (it is shown back to the user).
    /// </summary>
    internal static string? Trimmed(string? userAgent)
    {
        var value = userAgent?.Trim();
        if (string.IsNullOrEmpty(value) || !WellFormedText.IsWellFormed(value))
        {
            return null;
        }

        if (value.Length <= IRequestOrigin.MaxUserAgentLength)
        {
            return value;
        }

        var cut = IRequestOrigin.MaxUserAgentLength;
        if (char.IsHighSurrogate(value[cut - 1]))
        {
            cut--;
        }

        return value[..cut];
    }
}
