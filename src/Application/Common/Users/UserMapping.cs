using DoubleDibz.Domain.Users;
using Mapster;

namespace DoubleDibz.Application.Common.Users;

public static class UserMapping
{
    /// <summary>The Mapster rules for users; registered once by <c>AddApplication</c>, reused by tests.</summary>
    public static TypeAdapterConfig Configure(TypeAdapterConfig config)
    {
        config.NewConfig<User, UserDto>()
            .MapToConstructor(true)
            .Map(d => d.UserName, s => s.UserName.Value)
            .Map(d => d.Email, s => s.Email.Value)
            .Map(d => d.FirstName, s => s.FirstName.Value)
            .Map(d => d.LastName, s => s.LastName.Value)
            .Map(d => d.EmailConfirmed, s => s.IsEmailConfirmed)
            .Map(d => d.Role, s => RoleName(s.Role));
        return config;
    }

    public static string RoleName(Role role) => role switch
    {
        Role.Admin => "admin",
        Role.Staff => "staff",
        Role.User => "user",
        Role.Test => "test",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role"),
    };

    /// <summary>A role by its name as the API shows it (<c>admin</c>, <c>staff</c>, <c>user</c>, <c>test</c>), any case.</summary>
    public static Role? RoleFromName(string? name) =>
        Enum.GetValues<Role>().Cast<Role?>().FirstOrDefault(r => string.Equals(RoleName(r!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
