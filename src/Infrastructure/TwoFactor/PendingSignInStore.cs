using System.Buffers.Text;
using System.Security.Cryptography;
using DoubleDibz.Application.Account.TwoFactor;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Infrastructure.TwoFactor;

/// <summary>
/// Pending sign-ins in the database, so the second step may reach any instance. A token is 256 random bits
/// (base64url); the table keeps its SHA-256. Codes tried are counted with one conditional <c>UPDATE ... RETURNING</c>
/// (SQLite >= 3.35 and PostgreSQL share the syntax), written at once and before the code is checked, so parallel
/// guesses get no more than <see cref="TwoFactorOptions.MaxCodesPerSignIn"/> checks between them.
/// </summary>
public sealed class PendingSignInStore(AppDbContext db, UnitOfWork unitOfWork, TimeProvider clock, IOptions<TwoFactorOptions> options) : IPendingSignInStore
{
    private const int TokenBytes = 32;

    public Task<IssuedPendingSignIn> StartAsync(int userId, bool rememberMe, LoginAttemptKey passwordStepKey, CancellationToken cancellationToken)
    {
        var token = RandomNumberGenerator.GetBytes(TokenBytes);
        var now = clock.GetUtcNow();
        var expiresAt = now + options.Value.PendingSignInLifetime;
        db.PendingSignIns.Add(new PendingSignInRecord
        {
            Id = Guid.CreateVersion7(now),
            TokenHash = SHA256.HashData(token),
            UserId = userId,
            RememberMe = rememberMe,
            PasswordStepKey = passwordStepKey.Value,
            CodesTried = 0,
            ExpiresAtUnixMs = expiresAt.ToUnixTimeMilliseconds(),
        });
        return Task.FromResult(new IssuedPendingSignIn(Base64Url.EncodeToString(token), expiresAt));
    }

    public async Task<PendingSignIn?> TryAdmitCodeAsync(string token, CancellationToken cancellationToken)
    {
        var raw = new byte[TokenBytes];
        if (token.Length != Base64Url.GetEncodedLength(TokenBytes)
            || Base64Url.DecodeFromChars(token, raw, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != TokenBytes)
        {
            return null;
        }

        var hash = SHA256.HashData(raw);
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = await db.Database.SqlQuery<AdmittedRow>($"""
            UPDATE "PendingSignIns" SET "CodesTried" = "CodesTried" + 1
            WHERE "TokenHash" = {hash} AND "CodesTried" < {options.Value.MaxCodesPerSignIn} AND "ExpiresAtUnixMs" > {nowMs}
            RETURNING "Id", "UserId", "RememberMe", "PasswordStepKey", "CodesTried"
            """).ToListAsync(cancellationToken);
        return rows is [var row]
            ? new PendingSignIn(row.Id, row.UserId, row.RememberMe, new LoginAttemptKey(row.PasswordStepKey), row.CodesTried)
            : null;
    }

    public Task EndNowAsync(Guid id, CancellationToken cancellationToken) =>
        db.PendingSignIns.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);

    public void End(Guid id) => unitOfWork.Stage(ct => db.PendingSignIns.Where(p => p.Id == id).ExecuteDeleteAsync(ct));

    private sealed class AdmittedRow
    {
        public Guid Id { get; init; }

        public int UserId { get; init; }

        public bool RememberMe { get; init; }

        public required string PasswordStepKey { get; init; }

        public int CodesTried { get; init; }
    }
}
