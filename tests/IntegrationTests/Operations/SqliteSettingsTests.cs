using DoubleDibz.Infrastructure.Persistence;
using DoubleDibz.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoubleDibz.IntegrationTests.Operations;

public class SqliteSettingsTests : ApiTest
{
    [Test]
    public async Task Every_connection_waits_for_writers_and_uses_synchronous_NORMAL_including_reused_ones()
    {
        var first = await PragmasOfAFreshContextAsync();
        var reused = await PragmasOfAFreshContextAsync();

        Assert.That(first, Is.EqualTo((5000L, 1L)));
        Assert.That(reused, Is.EqualTo((5000L, 1L)));
    }

    private async Task<(long BusyTimeout, long Synchronous)> PragmasOfAFreshContextAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";
        var busyTimeout = (long)(await command.ExecuteScalarAsync())!;
        command.CommandText = "PRAGMA synchronous";
        var synchronous = (long)(await command.ExecuteScalarAsync())!;
        return (busyTimeout, synchronous);
    }
}
