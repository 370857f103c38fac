namespace DoubleDibz.Infrastructure.Maintenance;

/// <summary>Settings of the background sweep of expired rows (section <c>Maintenance</c>).</summary>
public sealed class MaintenanceOptions
{
    public const string SectionName = "Maintenance";

    /// <summary>Time between two sweeps (the first runs one interval after start).</summary>
    public TimeSpan SweepInterval { get; set; } = ExpiredRowSweeper.DefaultInterval;

    /// <summary>Pause between two batches of one sweep, so a long sweep leaves requests their share of the machine.</summary>
    public TimeSpan BatchPause { get; set; } = TimeSpan.FromMilliseconds(20);
}
