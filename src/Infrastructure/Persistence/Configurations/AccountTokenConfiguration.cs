using DoubleDibz.Domain.Users;
using DoubleDibz.Infrastructure.AccountTokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoubleDibz.Infrastructure.Persistence.Configurations;

public sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountTokenRecord>
{
    public void Configure(EntityTypeBuilder<AccountTokenRecord> builder)
    {
        builder.ToTable("AccountTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.TokenHash).HasMaxLength(32).IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.Property(t => t.NewEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.HasIndex(t => t.ExpiresAt); // the sweep ranges over it

        // Sortable numbers (all values UTC), so expiry compares in SQL on every provider.
        builder.Property(t => t.CreatedAt).HasConversion<long>();
        builder.Property(t => t.ExpiresAt).HasConversion<long>();

        // Deleting a user deletes their tokens.
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
