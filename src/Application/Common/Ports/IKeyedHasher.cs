namespace DoubleDibz.Application.Common.Ports;

/// <summary>
/// HMAC-SHA256 with a secret only the server holds: a stored fingerprint of typed text that a stolen database alone
/// cannot reverse by guessing (an unsalted hash of a password typed into the login box could be cracked).
/// </summary>
public interface IKeyedHasher
{
    /// <summary>The keyed hash of <paramref name="text"/> (UTF-8), as lower-case hex.</summary>
    ValueTask<string> HashAsync(string text, CancellationToken cancellationToken);
}
