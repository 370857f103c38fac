using DoubleDibz.Domain.Common;

namespace DoubleDibz.Domain.Users;

/// <summary>
/// A person's account. State changes only through its methods, and every part of it is a validated value,
/// so a <see cref="User"/> is valid from the moment it exists.
/// </summary>
public sealed class User
{
    // For the persistence layer, which fills the properties from a stored row.
    private User()
    {
        UserName = null!;
        FirstName = null!;
        LastName = null!;
        Email = null!;
        PasswordHash = null!;
    }

    private User(UserName userName, PersonName firstName, PersonName lastName, EmailAddress email, PasswordHash passwordHash, Role role, DateTimeOffset createdOn)
    {
        UserName = userName;
        FirstName = firstName;
        LastName = lastName;
        Email = email;
        PasswordHash = passwordHash;
        Role = role;
        CreatedOn = createdOn;
    }

    /// <summary>Assigned by the store when the user is first saved; 0 before that.</summary>
    public int Id { get; private set; }

    public UserName UserName { get; private set; }

    public PersonName FirstName { get; private set; }

    public PersonName LastName { get; private set; }

    public EmailAddress Email { get; private set; }

    public Role Role { get; private set; }

    public DateTimeOffset CreatedOn { get; private set; }

    public PasswordHash PasswordHash { get; private set; }

    /// <summary>When the current address was last shown to reach its owner (a link followed from it); null while unconfirmed.</summary>
    public DateTimeOffset? EmailConfirmedAt { get; private set; }

    public bool IsEmailConfirmed => EmailConfirmedAt is not null;
    // Two-factor sign-in (TOTP, RFC 6238). The secret is held only in its protected (encrypted) form, which the
    // domain treats as opaque text; recovery codes only as keyed hashes. Set up = a secret and not enabled.

    /// <summary>The authenticator secret, encrypted by the application's secret protection; null when none is set up.</summary>
    public string? TwoFactorSecret { get; private set; }

    public bool TwoFactorEnabled { get; private set; }

    /// <summary>The last TOTP time step accepted: a code is accepted once, so only a later step passes.</summary>
    public long TwoFactorLastStep { get; private set; }

    /// <summary>Keyed hashes of the unused recovery codes; each is removed when used.</summary>
    public IReadOnlyList<string> RecoveryCodeHashes { get; private set; } = [];

    /// <summary>A new (not yet enabled) secret replaces any earlier one; refused while two-factor sign-in is on.</summary>
    public Result<bool> BeginTwoFactorSetup(string protectedSecret)
    {
        if (TwoFactorEnabled)
        {
            return UserErrors.TwoFactorAlreadyOn;
        }

        ArgumentException.ThrowIfNullOrEmpty(protectedSecret);
        TwoFactorSecret = protectedSecret;
        TwoFactorLastStep = 0;
        return true;
    }

    /// <summary>Turns two-factor sign-in on once a code from the set-up secret (at <paramref name="acceptedStep"/>) was proven.</summary>
    public Result<bool> EnableTwoFactor(long acceptedStep, IReadOnlyList<string> recoveryCodeHashes)
    {
        if (TwoFactorEnabled)
        {
            return UserErrors.TwoFactorAlreadyOn;
        }

        if (TwoFactorSecret is null)
        {
            return UserErrors.TwoFactorNotSetUp;
        }

        TwoFactorEnabled = true;
        TwoFactorLastStep = acceptedStep;
        RecoveryCodeHashes = [.. recoveryCodeHashes];
        return true;
    }

    /// <summary>Turns two-factor sign-in off and forgets the secret and the recovery codes.</summary>
    public void DisableTwoFactor()
    {
        TwoFactorEnabled = false;
        TwoFactorSecret = null;
        TwoFactorLastStep = 0;
        RecoveryCodeHashes = [];
    }

    /// <summary>A new set of recovery codes; the old set is void.</summary>
    public Result<bool> ReplaceRecoveryCodes(IReadOnlyList<string> recoveryCodeHashes)
    {
        if (!TwoFactorEnabled)
        {
            return UserErrors.TwoFactorNotOn;
        }

        RecoveryCodeHashes = [.. recoveryCodeHashes];
        return true;
    }

    /// <summary>Accepts a code's time step only when it is later than the last one accepted (no replay in its window).</summary>
    public bool AcceptTimeStep(long step)
    {
        if (step <= TwoFactorLastStep)
        {
            return false;
        }

        TwoFactorLastStep = step;
        return true;
    }

    /// <summary>Uses up the recovery code with this hash; false when it is not one of the unused codes.</summary>
    public bool UseRecoveryCode(string recoveryCodeHash)
    {
        if (!RecoveryCodeHashes.Contains(recoveryCodeHash, StringComparer.Ordinal))
        {
            return false;
        }

        RecoveryCodeHashes = [.. RecoveryCodeHashes.Where(h => !string.Equals(h, recoveryCodeHash, StringComparison.Ordinal))];
        return true;
    }

    public static User Register(
        UserName userName,
        PersonName firstName,
        PersonName lastName,
        EmailAddress email,
        PasswordHash passwordHash,
        DateTimeOffset createdOn,
        Role role = Role.User) =>
        new(userName, firstName, lastName, email, passwordHash, role, createdOn);

    /// <summary>Replaces the hash: a new password, or the same one hashed under stronger parameters after a sign-in.</summary>
    public void ReplacePasswordHash(PasswordHash passwordHash) => PasswordHash = passwordHash;

    public void Rename(PersonName firstName, PersonName lastName)
    {
        FirstName = firstName;
        LastName = lastName;
    }

    /// <summary>The owner followed a link sent to the current address; confirming again keeps the first time.</summary>
    public void ConfirmEmail(DateTimeOffset at) => EmailConfirmedAt ??= at;

    /// <summary>A new address whose link its owner followed: it replaces the old one and counts as confirmed at once.</summary>
    public void ChangeEmail(EmailAddress newAddress, DateTimeOffset confirmedAt)
    {
        Email = newAddress;
        EmailConfirmedAt = confirmedAt;
    }
}
