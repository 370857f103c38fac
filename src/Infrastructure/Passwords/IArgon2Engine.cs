using DoubleDibz.Domain.Users;

namespace DoubleDibz.Infrastructure.Passwords;

/// <summary>One Argon2id derivation, synchronously, on the calling thread (a hashing lane).</summary>
public interface IArgon2Engine
{
    byte[] Derive(byte[] secret, byte[] salt, Argon2Parameters parameters, int length);
}
