namespace DoubleDibz.Application.Common.Ports;

/// <summary>The database's schema and its data as a whole, for the admin commands.</summary>
public interface IDatabaseSchema
{
    /// <summary>Applies pending migrations; returns their names (empty when the schema was current).</summary>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Deletes every user, session and failed-login count; the schema and signing keys stay.</summary>
    Task WipeDataAsync(CancellationToken cancellationToken);
}
