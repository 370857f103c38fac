namespace DoubleDibz.Infrastructure.Maintenance;

/// <summary>Settings of the background sweep of expired rows (section <c>Maintenance</c>).</summary>
public sealed class MaintenanceOptions
{
    public const string SectionName = "Maintenance";

    /// <summary>Time between two sweeps (the first runs one interval after start).</summary>
    public TimeSpan SweepInterval { get; set; } = ExpiredRowSweeper.DefaultInterval;

    /// <summary>The shortest rest between two batches of one sweep.</summary>
    public TimeSpan BatchPause { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The share of its running time a sweep may spend deleting (0 &lt; share ≤ 1): after a batch that took t, it
    /// rests t × (1 − share) / share. The default, a quarter, sweeps a million rows in about 12 minutes on a small
    /// machine while requests keep their latency.
    /// </summary>
    public double BusyShare { get; set; } = 0.25;
}
