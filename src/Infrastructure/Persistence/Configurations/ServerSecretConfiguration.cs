using DoubleDibz.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoubleDibz.Infrastructure.Persistence.Configurations;

public sealed class ServerSecretConfiguration : IEntityTypeConfiguration<ServerSecretRecord>
{
    public void Configure(EntityTypeBuilder<ServerSecretRecord> builder)
    {
        builder.ToTable("ServerSecrets");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.ProtectedValue).IsRequired();
    }
}
