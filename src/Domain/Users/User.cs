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
