namespace DoubleDibz.Infrastructure.Security;

/// <summary>
/// A random secret the server generated once and every instance shares, kept protected with the data-protection
/// key ring (so it is as safe at rest as that key ring is).
/// </summary>
public sealed class ServerSecretRecord
{
    public required string Name { get; init; }

    public required byte[] ProtectedValue { get; init; }
}
