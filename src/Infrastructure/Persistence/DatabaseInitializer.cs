using DoubleDibz.Application.Common.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace DoubleDibz.Infrastructure.Persistence;

public static class DatabaseInitializer
{
    /// <summary>Brings the schema up to date at start-up (see <see cref="DatabaseSchema.MigrateAsync"/>).</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IDatabaseSchema>().MigrateAsync(cancellationToken);
    }
}
