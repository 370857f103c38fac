using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Infrastructure.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoubleDibz.Infrastructure.Persistence.Configurations;

public sealed class SessionConfiguration : IEntityTypeConfiguration<SessionRecord>
{
    /// <summary>The longest IPv6 text form with an IPv4 tail and a zone id fits.</summary>
    public const int MaxAddressLength = 64;

    public void Configure(EntityTypeBuilder<SessionRecord> builder)
    {
        builder.ToTable("Sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TokenHash).HasMaxLength(32).IsRequired();
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.Property(s => s.PreviousTokenHash).HasMaxLength(32);
        builder.HasIndex(s => s.PreviousTokenHash);
        builder.HasIndex(s => s.UserId);
        builder.Property(s => s.UserAgent).HasMaxLength(IRequestOrigin.MaxUserAgentLength);
        builder.Property(s => s.ClientAddress).HasMaxLength(MaxAddressLength);
        builder.HasIndex(s => s.ExpiresAt); // the sweep and the active-session gauge range over it

        // Stored as sortable numbers (all values are UTC), so expiry can be compared in SQL on every provider.
        builder.Property(s => s.CreatedAt).HasConversion<long>();
        builder.Property(s => s.LastSeenAt).HasConversion<long>();
        builder.Property(s => s.ExpiresAt).HasConversion<long>();
        builder.Property(s => s.PreviousTokenValidUntil).HasConversion<long?>();

        // Deleting a user ends all of their sessions.
        builder.HasOne<DoubleDibz.Domain.Users.User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
