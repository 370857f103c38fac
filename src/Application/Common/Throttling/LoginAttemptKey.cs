using System.Security.Cryptography;
using System.Text;

namespace DoubleDibz.Application.Common.Throttling;

/// <summary>
/// Whose failed logins are counted. A known account is keyed by its id, so guessing through the user name and the
/// e-mail shares one count. An unknown login is keyed too (by a hash, so a mistyped password in the login box is
/// never stored): otherwise only real accounts would ever answer 429, which would tell an attacker which exist.
/// </summary>
public readonly record struct LoginAttemptKey(string Value)
{
    public static LoginAttemptKey ForUser(int userId) => new($"user:{userId}");

    public static LoginAttemptKey ForUnknownLogin(string login) =>
        new("login:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(login.Trim().ToUpperInvariant()))));

    public override string ToString() => Value;
}
