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
/// Expiry slides with use; "last seen" is written at most once per <see cref="SessionOptions.TouchInterval"/>.
/// </summary>
public sealed class SessionStore(AppDbContext db, TimeProvider clock, IOptions<SessionOptions> options) : ISessionStore
{
    private const int TokenBytes = 32;

    private static readonly Func<AppDbContext, byte[], Task<SessionRecord?>> FindByTokenHash =
        EF.CompileAsyncQuery((AppDbContext context, byte[] hash) =>
            context.Sessions.AsNoTracking().FirstOrDefault(s => s.TokenHash == hash));

    private readonly SessionOptions _options = options.Value;

    public async Task<IssuedSession> StartAsync(int userId, bool persistent, CancellationToken cancellationToken)
    {
        var token = RandomNumberGenerator.GetBytes(TokenBytes);
        var now = clock.GetUtcNow();

        db.Sessions.Add(new SessionRecord
        {
            Id = Guid.CreateVersion7(now),
            TokenHash = SHA256.HashData(token),
            UserId = userId,
            Persistent = persistent,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + IdleTimeout(persistent),
        });
        await db.SaveChangesAsync(cancellationToken);

        return new IssuedSession(Base64Url.EncodeToString(token), persistent ? now + _options.RememberMeIdleTimeout : null);
    }

    public async Task<ActiveSession?> FindActiveAsync(string token, CancellationToken cancellationToken)
    {
        Span<byte> raw = stackalloc byte[TokenBytes];
        if (token.Length != Base64Url.GetEncodedLength(TokenBytes)
            || Base64Url.DecodeFromChars(token, raw, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != TokenBytes)
        {
            return null;
        }

        var session = await FindByTokenHash(db, SHA256.HashData(raw));
        var now = clock.GetUtcNow();
        if (session is null || now >= session.ExpiresAt)
        {
            return null;
        }

        var current = new CurrentSession(session.Id, session.UserId);
        if (now - session.LastSeenAt < _options.TouchInterval)
        {
            return new ActiveSession(current, RenewedCookie: null);
        }

        var expiresAt = now + IdleTimeout(session.Persistent);
        await db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.LastSeenAt, now).SetProperty(x => x.ExpiresAt, expiresAt),
            cancellationToken);
        return new ActiveSession(current, session.Persistent ? new IssuedSession(token, expiresAt) : null);
    }

    public Task RevokeAsync(CurrentSession session, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.Id == session.SessionId).ExecuteDeleteAsync(cancellationToken);

    public Task<int> RevokeAllAsync(int userId, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    private TimeSpan IdleTimeout(bool persistent) => persistent ? _options.RememberMeIdleTimeout : _options.IdleTimeout;
}
