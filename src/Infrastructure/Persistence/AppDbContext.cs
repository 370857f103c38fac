using DoubleDibz.Domain.Users;
using DoubleDibz.Infrastructure.Persistence.Configurations;
using DoubleDibz.Infrastructure.Security;
using DoubleDibz.Infrastructure.Sessions;
using DoubleDibz.Infrastructure.Throttling;
using DoubleDibz.Infrastructure.TwoFactor;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DoubleDibz.Infrastructure.Persistence;

/// <summary>
/// The model, shared by every provider. Each provider has its own small subclass
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>) only so that each keeps its own
/// migrations; everything else asks for <see cref="AppDbContext"/>.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();

    public DbSet<LoginAttemptRecord> LoginAttempts => Set<LoginAttemptRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ServerSecretRecord> ServerSecrets => Set<ServerSecretRecord>();

    public DbSet<PendingSignInRecord> PendingSignIns => Set<PendingSignInRecord>();

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
