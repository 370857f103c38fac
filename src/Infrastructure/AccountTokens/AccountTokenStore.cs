using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Users;
using DoubleDibz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DoubleDibz.Infrastructure.AccountTokens;

/// <summary>
/// E-mailed tokens: 256 random bits, base64url in the link; the table keeps the SHA-256 (a leaked table opens
/// nothing), the purpose and the expiry. A used token is deleted with every other of its purpose (single use; a newer
/// one voids the older ones), staged in the command's unit of work.
/// </summary>
public sealed class AccountTokenStore(AppDbContext db, UnitOfWork unitOfWork, TimeProvider clock) : IAccountTokenStore
{
    private const int TokenBytes = 32;

    public string Issue(int userId, AccountTokenPurpose purpose, EmailAddress? newEmail, TimeSpan lifetime)
    {
        VoidAll(userId, purpose); // staged first, so it never deletes the new row
        var token = RandomNumberGenerator.GetBytes(TokenBytes);
        var now = clock.GetUtcNow();
        db.Set<AccountTokenRecord>().Add(new AccountTokenRecord
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Purpose = (int)purpose,
            TokenHash = SHA256.HashData(token),
            NewEmail = newEmail?.Value,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        return Base64Url.EncodeToString(token);
    }

    public async Task<AccountTokenGrant?> FindLiveAsync(string rawToken, IReadOnlyCollection<AccountTokenPurpose> purposes, CancellationToken cancellationToken)
    {
        var raw = new byte[TokenBytes];
        if (rawToken.Length != Base64Url.GetEncodedLength(TokenBytes)
            || Base64Url.DecodeFromChars(rawToken, raw, out _, out var written) != OperationStatus.Done
            || written != TokenBytes)
        {
            return null;
        }

        var hash = SHA256.HashData(raw);
        var now = clock.GetUtcNow();
        var codes = purposes.Select(p => (int)p).ToArray();
        var found = await db.Set<AccountTokenRecord>().AsNoTracking()
            .Where(t => t.TokenHash == hash && t.ExpiresAt > now && codes.Contains(t.Purpose))
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var newEmail = found.NewEmail is null ? null : EmailAddress.Create(found.NewEmail).Value;
        return new AccountTokenGrant(found.UserId, (AccountTokenPurpose)found.Purpose, newEmail);
    }

    public void VoidAll(int userId, AccountTokenPurpose purpose)
    {
        var code = (int)purpose;
        unitOfWork.Stage(ct => db.Set<AccountTokenRecord>().Where(t => t.UserId == userId && t.Purpose == code).ExecuteDeleteAsync(ct));
    }
}
