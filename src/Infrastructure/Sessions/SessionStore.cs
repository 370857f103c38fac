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
public sealed class SessionStore(
    AppDbContext db,
    UnitOfWork unitOfWork,
    SessionUsers sessionUsers,
    IRequestOrigin origin,
    TimeProvider clock,
    IOptions<SessionOptions> options) : ISessionStore
{
    private const int TokenBytes = 32;

    // Every authenticated request's query: the session and its user in one round trip, compiled once, untracked.
    // The user is kept for the request (SessionUsers), so verify_auth needs no second query.
    private static readonly Func<AppDbContext, byte[], Task<SessionWithUser?>> FindByTokenHash =
        EF.CompileAsyncQuery((AppDbContext context, byte[] hash) =>
            context.Sessions.AsNoTracking()
                .Where(s => s.TokenHash == hash || s.PreviousTokenHash == hash)
                .Join(context.Users.AsNoTracking(), s => s.UserId, u => u.Id, (s, u) => new SessionWithUser { Session = s, User = u })
                .FirstOrDefault());

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
            UserAgent = origin.UserAgent,
            ClientAddress = origin.ClientAddress,
        });

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
        var found = await FindByTokenHash(db, hash);
        var now = clock.GetUtcNow();
        if (found is not { Session: var session } || !IsLive(session, now))
        {
            return null;
        }

        sessionUsers.Remember(found.User);

        var current = new CurrentSession(session.Id, session.UserId, session.Persistent);
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

    public async Task<IReadOnlyList<SessionSummary>> ListAsync(int userId, CancellationToken cancellationToken)
    {
        var rows = await db.Sessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return rows.Where(s => IsLive(s, now))
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new SessionSummary(s.Id, s.CreatedAt, s.LastSeenAt, EndsAt(s), s.Persistent, s.UserAgent, s.ClientAddress))
            .ToList();
    }

    public async Task<bool> EndAsync(int userId, Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, cancellationToken);
        if (session is null || !IsLive(session, clock.GetUtcNow()))
        {
            return false;
        }

        unitOfWork.Stage(ct => db.Sessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(ct));
        return true;
    }

    public async Task<int> EndAllAsync(int userId, Guid? except, CancellationToken cancellationToken)
    {
        var kept = except ?? Guid.Empty; // never a session id (they are version 7)
        var now = clock.GetUtcNow();
        var ending = await db.Sessions.AsNoTracking().Where(s => s.UserId == userId && s.Id != kept).ToListAsync(cancellationToken);
        unitOfWork.Stage(ct => db.Sessions.Where(s => s.UserId == userId && s.Id != kept).ExecuteDeleteAsync(ct));
        return ending.Count(s => IsLive(s, now));
    }

    private bool IsLive(SessionRecord session, DateTimeOffset now) => now < EndsAt(session);

    /// <summary>The earlier of the session's idle expiry and its absolute end (which configuration may have moved).</summary>
    private DateTimeOffset EndsAt(SessionRecord session)
    {
        var absolute = session.CreatedAt + _options.AbsoluteLifetimeFor(session.Persistent);
        return session.ExpiresAt < absolute ? session.ExpiresAt : absolute;
    }

    /// <summary>Idle expiry from <paramref name="now"/>, never past the absolute lifetime.</summary>
    private DateTimeOffset ExpiryAt(DateTimeOffset now, DateTimeOffset createdAt, bool persistent)
    {
        var idle = now + _options.IdleTimeoutFor(persistent);
        var absolute = createdAt + _options.AbsoluteLifetimeFor(persistent);
        return idle < absolute ? idle : absolute;
    }

    /// <summary>Stages room for one more session within <see cref="SessionOptions.MaxPerUser"/> by ending the oldest.</summary>
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
        unitOfWork.Stage(ct => db.Sessions.Where(s => oldest.Contains(s.Id)).ExecuteDeleteAsync(ct));
    }

    /// <summary>A row of the session lookup: the session and its user.</summary>
    private sealed class SessionWithUser
    {
        public required SessionRecord Session { get; init; }

        public required Domain.Users.User User { get; init; }
    }
}
