using DoubleDibz.Domain.Users;

namespace DoubleDibz.Application.Common.Ports;

public interface IUserRepository
{
    /// <summary>The user with this id, loaded for change: what a command changes on it is saved when the command commits.</summary>
    Task<User?> FindByIdAsync(int id, CancellationToken cancellationToken);

    /// <summary>A read-only copy of the user with this id, for answering a query; changes to it are never saved.</summary>
    Task<User?> ReadByIdAsync(int id, CancellationToken cancellationToken);

    /// <summary>Finds the user whose user name or e-mail address equals <paramref name="login"/>, ignoring case; loaded for change.</summary>

    Task<User?> FindByLoginAsync(string login, CancellationToken cancellationToken);

    Task<bool> UserNameExistsAsync(UserName userName, CancellationToken cancellationToken);

    Task<bool> EmailExistsAsync(EmailAddress email, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> users, oldest account first.</summary>
    Task<IReadOnlyList<User>> ListAsync(int limit, CancellationToken cancellationToken);

    void Add(User user);

    /// <summary>Stages the user's removal; their sessions go with them.</summary>
    void Remove(User user);
}
