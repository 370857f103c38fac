namespace DoubleDibz.Application.Common.Ports;

/// <summary>
/// Where the current request came from, as a new session records it so its owner can recognise it later. Both are
/// null outside a web request (the admin commands).
/// </summary>
public interface IRequestOrigin
{
    /// <summary>The client's <c>User-Agent</c>, at most <see cref="MaxUserAgentLength"/> characters of well-formed text.</summary>
    string? UserAgent { get; }

    /// <summary>The client's address (behind a trusted proxy, the address the proxy reports).</summary>
    string? ClientAddress { get; }

    public const int MaxUserAgentLength = 200;
}
