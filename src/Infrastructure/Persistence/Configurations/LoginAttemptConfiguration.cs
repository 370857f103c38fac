using DoubleDibz.Infrastructure.Throttling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoubleDibz.Infrastructure.Persistence.Configurations;

public sealed class LoginAttemptConfiguration : IEntityTypeConfiguration<LoginAttemptRecord>
{
    public const string Table = "LoginAttempts";

    public void Configure(EntityTypeBuilder<LoginAttemptRecord> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).HasMaxLength(80);
        builder.HasIndex(a => a.LastFailureUnixMs); // for the sweep of forgotten rows
    }
}
