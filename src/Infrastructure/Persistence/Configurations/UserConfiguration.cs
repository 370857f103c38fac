using DoubleDibz.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoubleDibz.Infrastructure.Persistence.Configurations;

/// <summary>
/// Maps the User aggregate. Value objects are stored as their text; uniqueness is enforced by the database on
/// normalized (upper-case) copies of user name and e-mail, which works the same on every provider.
/// </summary>
public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public const string NormalizedUserName = "NormalizedUserName";
    public const string NormalizedEmail = "NormalizedEmail";

    private const int TwoFactorSecretMaxLength = 500;
    private const int RecoveryCodeHashesMaxLength = 1000; // 10 hex HMAC-SHA256 hashes and commas

    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedOnAdd();

        builder.Property(u => u.UserName)
            .HasConversion(v => v.Value, s => UserName.Create(s).Value)
            .HasMaxLength(UserName.MaxLength);
        builder.Property<string>(NormalizedUserName).HasMaxLength(UserName.MaxLength).IsRequired();
        builder.HasIndex(NormalizedUserName).IsUnique();

        builder.Property(u => u.Email)
            .HasConversion(v => v.Value, s => EmailAddress.Create(s).Value)
            .HasMaxLength(EmailAddress.MaxLength);
        builder.Property<string>(NormalizedEmail).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.HasIndex(NormalizedEmail).IsUnique();

        builder.Property(u => u.FirstName)
            .HasConversion(v => v.Value, s => PersonName.Create(s).Value)
            .HasMaxLength(PersonName.MaxLength);
        builder.Property(u => u.LastName)
            .HasConversion(v => v.Value, s => PersonName.Create(s).Value)
            .HasMaxLength(PersonName.MaxLength);

        builder.Property(u => u.PasswordHash)
            .HasConversion(v => v.Encoded, s => PasswordHash.FromEncoded(s).Value)
            .HasMaxLength(PasswordHash.MaxLength);

        // The original application's role codes: admin=0, staff=1, user=2, test=3.
        builder.Property(u => u.Role).HasConversion<int>();
        builder.Property(u => u.CreatedOn);

        // Two-factor sign-in. The secret column holds only the data-protection ciphertext. The last accepted time step
        // and the recovery codes are concurrency tokens: of two requests using the same code at once, one loses.
        builder.Property(u => u.TwoFactorSecret).HasMaxLength(TwoFactorSecretMaxLength);
        builder.Property(u => u.TwoFactorEnabled);
        builder.Property(u => u.TwoFactorLastStep).IsConcurrencyToken();
        builder.Property(u => u.RecoveryCodeHashes)
            .HasConversion(
                v => string.Join(',', v),
                s => s.Length == 0 ? Array.Empty<string>() : s.Split(',', StringSplitOptions.None),
                new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode(StringComparison.Ordinal))), v => v.ToArray()))
            .HasMaxLength(RecoveryCodeHashesMaxLength)
            .IsConcurrencyToken();
    }

    /// <summary>Keeps the normalized key columns in step with the value objects before every save.</summary>
    public static void UpdateNormalizedKeys(ChangeTracker changeTracker)
    {
        foreach (var entry in changeTracker.Entries<User>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Property(NormalizedUserName).CurrentValue = entry.Entity.UserName.Normalized;
                entry.Property(NormalizedEmail).CurrentValue = entry.Entity.Email.Normalized;
            }
        }
    }
}
