using DoubleDibz.Application.Common.Ports;

namespace DoubleDibz.Infrastructure.Passwords;

/// <summary>
/// The 10,000 most common passwords (see common-passwords.LICENSE.txt for the source), read once from an
/// embedded resource into a case-insensitive set.
/// </summary>
public sealed class CommonPasswordList : ICommonPasswords
{
    private const string ResourceName = "DoubleDibz.common-passwords.txt";

    private readonly HashSet<string> _passwords = Load();

    public int Count => _passwords.Count;

    public bool Contains(string password) => _passwords.Contains(password);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
