namespace DoubleDibz.Application.Common.Users;

/// <summary>The user as clients see it. Deliberately has no password or hash member.</summary>
public sealed record UserDto(int Id, string UserName, string Email, string Role, string FirstName, string LastName, bool EmailConfirmed, bool TwoFactorEnabled);
