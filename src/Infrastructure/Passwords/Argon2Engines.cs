namespace DoubleDibz.Infrastructure.Passwords;

/// <summary>The values of <c>PasswordHashing:Engine</c> and the engine each one stands for.</summary>
public static class Argon2Engines
{
    public const string Konscious = "Konscious";
    public const string Libsodium = "Libsodium";

    /// <summary>The canonical name for <paramref name="configured"/> (any case; empty means the default), or null if unknown.</summary>
    public static string? Recognize(string? configured) => configured switch
    {
        null or "" => Konscious,
        _ when configured.Equals(Konscious, StringComparison.OrdinalIgnoreCase) => Konscious,
        _ when configured.Equals(Libsodium, StringComparison.OrdinalIgnoreCase) => Libsodium,
        _ => null,
    };

    public static IArgon2Engine Create(string engine) =>
        Recognize(engine) switch
        {
            Konscious => new KonsciousArgon2Engine(),
            Libsodium => new LibsodiumArgon2Engine(),
            _ => throw UnknownEngine(engine),
        };

    public static InvalidOperationException UnknownEngine(string? engine) =>
        new($"PasswordHashing:Engine '{engine}' is not supported; use '{Konscious}' or '{Libsodium}'.");
}
