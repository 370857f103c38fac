using DoubleDibz.Application.Common.Audit;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Common.Audit;

public sealed class AuthMetricsTests : IDisposable
{
    private readonly AuthMetrics _metrics = new(new TestMeterFactory());
    private readonly RecordedMeasurements _measurements;

    public AuthMetricsTests() => _measurements = new RecordedMeasurements(_metrics.Meter);

    public void Dispose()
    {
        _measurements.Dispose();
        _metrics.Meter.Dispose();
    }

    [Test]
    public void The_meter_is_named_DoubleDibz()
    {
        Assert.That(_metrics.Meter.Name, Is.EqualTo(AuthMetrics.MeterName).And.EqualTo("DoubleDibz"));
    }

    [Test]
    public void A_hash_records_its_duration_in_seconds()
    {
        _metrics.PasswordHashed(TimeSpan.FromMilliseconds(250));

        Assert.That(_measurements.All.Select(m => (m.Instrument, m.Value)), Is.EqualTo(new[] { ("doubledibz.password_hash.duration", 0.25) }));
    }

    [Test]
    public void A_refusal_is_counted_under_its_reason()
    {
        _metrics.Throttled("hasher_busy");

        var measurement = _measurements.All.Single();
        Assert.That((measurement.Instrument, measurement.Value, measurement.Tags["reason"]), Is.EqualTo(("doubledibz.throttled", 1.0, (object?)"hasher_busy")));
    }

    [Test]
    public void A_second_step_failure_is_counted_under_its_reason()
    {
        _metrics.SecondFactorFailed("wrong_code");

        var measurement = _measurements.All.Single();
        Assert.That((measurement.Instrument, measurement.Tags["reason"]), Is.EqualTo(("doubledibz.two_factor.failures", (object?)"wrong_code")));
    }

    [Test]
    public void Two_factor_turned_off_by_the_admin_is_counted_as_such()
    {
        _metrics.TwoFactorDisabled(byAdmin: true);

        var measurement = _measurements.All.Single();
        Assert.That((measurement.Instrument, measurement.Tags["by"]), Is.EqualTo(("doubledibz.two_factor.disabled", (object?)"admin")));
    }

    [Test]
    public void Every_instrument_has_a_unit_and_a_description_for_the_scraper()
    {
        var instruments = new List<System.Diagnostics.Metrics.Instrument>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, _metrics.Meter))
                {
                    instruments.Add(instrument);
                }
            },
        };

        listener.Start();

        Assert.That(instruments.Select(i => i.Name), Is.EquivalentTo(new[]
        {
            "doubledibz.signups", "doubledibz.logins", "doubledibz.password_hash.duration", "doubledibz.throttled",
            "doubledibz.two_factor.enabled", "doubledibz.two_factor.disabled", "doubledibz.two_factor.failures", "doubledibz.two_factor.recovery_codes_used",
            "doubledibz.mail.sent", "doubledibz.mail.failed", "doubledibz.mail.retried", "doubledibz.password_resets",
        }));
        Assert.That(instruments.Select(i => i.Unit ?? ""), Has.None.Empty);
        Assert.That(instruments.Select(i => i.Description ?? ""), Has.None.Empty);
    }
}
