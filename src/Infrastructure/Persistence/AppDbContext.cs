using DoubleDibz.Domain.Users;
using DoubleDibz.Infrastructure.Persistence.Configurations;
using DoubleDibz.Infrastructure.Sessions;
using DoubleDibz.Infrastructure.Throttling;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DoubleDibz.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();

    public DbSet<LoginAttemptRecord> LoginAttempts => Set<LoginAttemptRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        UserConfiguration.UpdateNormalizedKeys(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        UserConfiguration.UpdateNormalizedKeys(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}
