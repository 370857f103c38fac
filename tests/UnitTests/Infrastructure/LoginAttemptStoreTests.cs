using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Infrastructure.Persistence;
using DoubleDibz.Infrastructure.Throttling;
using Microsoft.EntityFrameworkCore;

namespace DoubleDibz.UnitTests.Infrastructure;

public class LoginAttemptStoreTests
{
    [Test]
    public async Task Counting_an_attempt_inside_a_commands_open_transaction_is_refused_because_a_rollback_would_undo_it()
    {
        await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new LoginAttemptStore(db).TryCountAsync(LoginAttemptKey.ForUser(1), DateTimeOffset.UnixEpoch, new LoginBackoffOptions(), CancellationToken.None));

        Assert.That(refused!.Message, Does.Contain("before the command writes anything"));
    }
}
