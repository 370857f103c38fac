using DoubleDibz.Domain.Users;
using DoubleDibz.Infrastructure.TwoFactor;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoubleDibz.Infrastructure.Persistence.Configurations;

public sealed class PendingSignInConfiguration : IEntityTypeConfiguration<PendingSignInRecord>
{
    public void Configure(EntityTypeBuilder<PendingSignInRecord> builder)
    {
        builder.ToTable("PendingSignIns");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.TokenHash).HasMaxLength(32).IsRequired();
        builder.HasIndex(p => p.TokenHash).IsUnique();
        builder.Property(p => p.PasswordStepKey).HasMaxLength(100).IsRequired();
        builder.HasIndex(p => p.ExpiresAtUnixMs); // the sweep ranges over it

        // Deleting a user ends their pending sign-ins.
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
