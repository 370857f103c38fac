using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Domain.Users;

namespace DoubleDibz.Application.Common.Ports;

/// <summary>
/// Single-use tokens sent by e-mail (confirm an address, reset a password, confirm a new address). The client gets the
/// only copy of a token (at least 128 random bits); the store keeps its SHA-256, its purpose and its expiry. Issuing
/// and using tokens is staged in the command's <see cref="IUnitOfWork"/>.
/// </summary>
public interface IAccountTokenStore
{
    /// <summary>
    /// Stages a new token for the user and the end of every older one of the same purpose (a newer link voids the
    /// older ones); returns the raw token, for the link. <paramref name="newEmail"/> is the address a
    /// <see cref="AccountTokenPurpose.ChangeEmail"/> token will set.
    /// </summary>
    string Issue(int userId, AccountTokenPurpose purpose, EmailAddress? newEmail, TimeSpan lifetime);

    /// <summary>The live token of one of <paramref name="purposes"/> for this raw value; null when unknown, used, expired or of another purpose.</summary>
    Task<AccountTokenGrant?> FindLiveAsync(string rawToken, IReadOnlyCollection<AccountTokenPurpose> purposes, CancellationToken cancellationToken);

    /// <summary>Stages the end of every token of the user with this purpose (a used token included: single use).</summary>
    void VoidAll(int userId, AccountTokenPurpose purpose);
}

/// <summary>A live token: whose it is, what it is for and, for a change of address, the new address.</summary>
public sealed record AccountTokenGrant(int UserId, AccountTokenPurpose Purpose, EmailAddress? NewEmail);
