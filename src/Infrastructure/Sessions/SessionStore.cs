using System.Buffers.Text;
using System.Security.Cryptography;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Infrastructure.Sessions;

/// <summary>
/// Sessions in the database, so they survive restarts and every instance sharing the database sees the same
/// ones. A token is 256 random bits (base64url); the table keeps its SHA-256, so a leaked table holds no usable cookie.
/// Expiry slides with use up to an absolute lifetime; "last seen" is written at most once per
/// <see cref="SessionOptions.TouchInterval"/>, and a remember-me token is rotated when its cookie is renewed.
/// </summary>
public sealed class SessionStore(AppDbContext db, TimeProvider clock, IOptions<SessionOptions> options) : ISessionStore
{
    private const int TokenBytes = 32;

    private static readonly Func<AppDbContext, byte[], Task<SessionRecord?>> FindByTokenHash =
        EF.CompileAsyncQuery((AppDbContext context, byte[] hash) =>
            context.Sessions.AsNoTracking().FirstOrDefault(s => s.TokenHash == hash || s.PreviousTokenHash == hash));

    private readonly SessionOptions _options = options.Value;

    public async Task<IssuedSession> StartAsync(int userId, bool persistent, CancellationToken cancellationToken)
    {
        await EndOldestBeyondLimitAsync(userId, cancellationToken);

        var token = RandomNumberGenerator.GetBytes(TokenBytes);
        var now = clock.GetUtcNow();
        var expiresAt = ExpiryAt(now, createdAt: now, persistent);
        db.Sessions.Add(new SessionRecord
        {
            Id = Guid.CreateVersion7(now),
            TokenHash = SHA256.HashData(token),
            UserId = userId,
            Persistent = persistent,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = expiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);

        return new IssuedSession(Base64Url.EncodeToString(token), persistent ? expiresAt : null);
    }

    public async Task<ActiveSession?> FindActiveAsync(string token, CancellationToken cancellationToken)
    {
        var raw = new byte[TokenBytes];
        if (token.Length != Base64Url.GetEncodedLength(TokenBytes)
            || Base64Url.DecodeFromChars(token, raw, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != TokenBytes)
        {
            return null;
        }

        var hash = SHA256.HashData(raw);
        var session = await FindByTokenHash(db, hash);
        var now = clock.GetUtcNow();
        if (session is null || now >= session.ExpiresAt || now >= session.CreatedAt + _options.AbsoluteLifetimeFor(session.Persistent))
        {
            return null;
        }

        var current = new CurrentSession(session.Id, session.UserId);
        if (!session.TokenHash.AsSpan().SequenceEqual(hash))
        {
            // The token before the last rotation: good for a few seconds, for requests sent alongside the renewing one.
            return now < session.PreviousTokenValidUntil ? new ActiveSession(current, RenewedCookie: null) : null;
        }

        if (now - session.LastSeenAt < _options.TouchInterval)
        {
            return new ActiveSession(current, RenewedCookie: null);
        }

        var expiresAt = ExpiryAt(now, session.CreatedAt, session.Persistent);
        if (!session.Persistent)
        {
            await db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(
                s => s.SetProperty(x => x.LastSeenAt, now).SetProperty(x => x.ExpiresAt, expiresAt),
                cancellationToken);
            return new ActiveSession(current, RenewedCookie: null);
        }

        // A remember-me cookie is re-issued with its new expiry, under a new token: a copied cookie stops working soon
        // after the owner's next visit. Only one of several parallel renewals wins (the token must still match).
        var newToken = RandomNumberGenerator.GetBytes(TokenBytes);
        var newHash = SHA256.HashData(newToken);
        DateTimeOffset? previousValidUntil = now + _options.RotationGracePeriod;
        var rotated = await db.Sessions.Where(s => s.Id == session.Id && s.TokenHash == hash).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.TokenHash, newHash)
                .SetProperty(x => x.PreviousTokenHash, hash)
                .SetProperty(x => x.PreviousTokenValidUntil, previousValidUntil)
                .SetProperty(x => x.LastSeenAt, now)
                .SetProperty(x => x.ExpiresAt, expiresAt),
            cancellationToken);
        return new ActiveSession(current, rotated == 1 ? new IssuedSession(Base64Url.EncodeToString(newToken), expiresAt) : null);
    }

    public Task RevokeAsync(CurrentSession session, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.Id == session.SessionId).ExecuteDeleteAsync(cancellationToken);

    public Task<int> RevokeAllAsync(int userId, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Idle expiry from <paramref name="now"/>, never past the absolute lifetime.</summary>
    private DateTimeOffset ExpiryAt(DateTimeOffset now, DateTimeOffset createdAt, bool persistent)
    {
        var idle = now + _options.IdleTimeoutFor(persistent);
        var absolute = createdAt + _options.AbsoluteLifetimeFor(persistent);
        return idle < absolute ? idle : absolute;
    }

    /// <summary>Makes room for one more session within <see cref="SessionOptions.MaxPerUser"/> by ending the oldest.</summary>
    private async Task EndOldestBeyondLimitAsync(int userId, CancellationToken cancellationToken)
    {
        var keep = _options.MaxPerUser - 1;
        if (await db.Sessions.CountAsync(s => s.UserId == userId, cancellationToken) <= keep)
        {
            return;
        }

        var oldest = await db.Sessions.Where(s => s.UserId == userId)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip(keep).Select(s => s.Id)
            .ToListAsync(cancellationToken);
        await db.Sessions.Where(s => oldest.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
