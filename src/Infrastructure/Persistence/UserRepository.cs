using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Users;
using DoubleDibz.Infrastructure.Persistence.Configurations;
using DoubleDibz.Infrastructure.Sessions;
using Microsoft.EntityFrameworkCore;

namespace DoubleDibz.Infrastructure.Persistence;

public sealed class UserRepository(AppDbContext db, SessionUsers sessionUsers) : IUserRepository
{
    // Compiled once, and read-only (nothing to track).
    private static readonly Func<AppDbContext, int, Task<User?>> ReadById =
        EF.CompileAsyncQuery((AppDbContext context, int id) => context.Users.AsNoTracking().FirstOrDefault(u => u.Id == id));

    public Task<User?> FindByIdAsync(int id, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    /// <summary>The signed-in user came with the request's session (one query for both); any other user is read now.</summary>
    public Task<User?> ReadByIdAsync(int id, CancellationToken cancellationToken) =>
        sessionUsers.Find(id) is { } loaded ? Task.FromResult<User?>(loaded) : ReadById(db, id);

    public Task<User?> FindByLoginAsync(string login, CancellationToken cancellationToken)
    {
        // User names are letters and digits only, so a login with an '@' can only be an e-mail address.
        var (column, key) = login.Contains('@', StringComparison.Ordinal)
            ? (UserConfiguration.NormalizedEmail, EmailAddress.Normalize(login))
            : (UserConfiguration.NormalizedUserName, UserName.Normalize(login));
        return db.Users.FirstOrDefaultAsync(u => EF.Property<string>(u, column) == key, cancellationToken);
    }

    public Task<bool> UserNameExistsAsync(UserName userName, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => EF.Property<string>(u, UserConfiguration.NormalizedUserName) == userName.Normalized, cancellationToken);

    public Task<bool> EmailExistsAsync(EmailAddress email, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => EF.Property<string>(u, UserConfiguration.NormalizedEmail) == email.Normalized, cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Users.CountAsync(cancellationToken);

    public async Task<IReadOnlyList<User>> ListAsync(int limit, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().OrderBy(u => u.Id).Take(limit).ToListAsync(cancellationToken);

    public void Add(User user) => db.Users.Add(user);

    public void Remove(User user) => db.Users.Remove(user);
}
