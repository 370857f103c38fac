namespace DoubleDibz.Application.Auth.Login;

/// <summary>
/// Whose login attempts are counted together. A known account is keyed by its id, so guessing through the user
/// name and the e-mail shares one count. An unknown login is keyed too (by a keyed hash, so text typed into the login
/// box is never stored in a crackable form): otherwise only real accounts would ever answer 429, which would tell an
/// attacker which exist. A browser holding the account's device cookie is keyed by that device, apart from the rest.
/// </summary>
public readonly record struct LoginAttemptKey(string Value)
{
    public static LoginAttemptKey ForUser(int userId) => new($"user:{userId}");

    public static LoginAttemptKey ForDevice(Guid deviceId) => new($"device:{deviceId:N}");

    /// <param name="keyedHash">The server-keyed hash of the login as typed, case-folded (<see cref="Common.Ports.IKeyedHasher"/>).</param>
    public static LoginAttemptKey ForUnknownLogin(string keyedHash) => new("login:" + keyedHash);

    public override string ToString() => Value;
}
