using DoubleDibz.Domain.Users;

namespace DoubleDibz.Application.Common.Ports;

public interface IUserRepository
{
    /// <summary>The user with this id, read-only (for answering, not for changing).</summary>
    Task<User?> FindByIdAsync(int id, CancellationToken cancellationToken);

    /// <summary>Finds the user whose user name or e-mail address equals <paramref name="login"/>, ignoring case.</summary>
    Task<User?> FindByLoginAsync(string login, CancellationToken cancellationToken);

    Task<bool> UserNameExistsAsync(UserName userName, CancellationToken cancellationToken);

    Task<bool> EmailExistsAsync(EmailAddress email, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> users, oldest account first.</summary>
    Task<IReadOnlyList<User>> ListAsync(int limit, CancellationToken cancellationToken);

    void Add(User user);
}
