using DoubleDibz.Domain.Users;

namespace DoubleDibz.Infrastructure.Sessions;

/// <summary>
/// The user loaded together with the request's session (one query for both), kept for the rest of the request so
/// that a read of that user (<see cref="Persistence.UserRepository.ReadByIdAsync"/>, e.g. verify_auth) costs no second
/// round trip. Scoped: one request, and a read-only copy — a change is made on a user loaded for change, never on this.
/// </summary>
public sealed class SessionUsers
{
    private User? _user;

    public void Remember(User user) => _user = user;

    public User? Find(int id) => _user?.Id == id ? _user : null;
}
