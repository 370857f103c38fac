namespace DoubleDibz.Domain.Users;

/// <summary>Account roles, with the stored codes of the original application.</summary>
public enum Role
{
    Admin = 0,
    Staff = 1,
    User = 2,
    Test = 3,
}
