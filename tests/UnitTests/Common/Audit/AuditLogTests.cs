using DoubleDibz.Application.Common.Audit;
using DoubleDibz.UnitTests.TestData;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DoubleDibz.UnitTests.Common.Audit;

/// <summary>Each audit event: its stable id and name, level and fields, and the metric it counts. Never the wording.</summary>
public sealed class AuditLogTests : IDisposable
{
    private readonly ListLoggerFactory _log = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly AuthMetrics _metrics = new(new TestMeterFactory());
    private readonly RecordedMeasurements _measurements;
    private readonly AuditLog _audit;

    public AuditLogTests()
    {
        _measurements = new RecordedMeasurements(_metrics.Meter);
        _audit = new AuditLog(_log, _metrics, new RepeatedEventLimiter(_clock));
    }

    public void Dispose()
    {
        _measurements.Dispose();
        _metrics.Meter.Dispose();
    }

    private LogEntry Single()
    {
        Assert.That(_log.Lines, Has.Count.EqualTo(1));
        var line = _log.Lines[0];
        Assert.That(line.Category, Is.EqualTo(AuditLog.Category));
        return line;
    }

    private static Measurement Counted(string instrument, params (string Key, object? Value)[] tags) =>
        new(instrument, 1, tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));

    private static object Event(LogEntry line) => (line.EventId.Id, line.EventId.Name, line.Level);

    [Test]
    public void The_category_is_DoubleDibz_Audit()
    {
        Assert.That(AuditLog.Category, Is.EqualTo("DoubleDibz.Audit"));
    }

    [Test]
    public void SignedUp_is_event_1001_with_the_user_and_counts_a_signup()
    {
        _audit.SignedUp(7);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1001, "SignedUp", LogLevel.Information)));
        Assert.That(line["UserId"], Is.EqualTo(7));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.signups") }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void LoggedIn_is_event_1002_with_the_user_and_counts_a_successful_login()
    {
        _audit.LoggedIn(7);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1002, "LoggedIn", LogLevel.Information)));
        Assert.That(line["UserId"], Is.EqualTo(7));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.logins", ("outcome", "success")) }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void A_wrong_password_is_event_1003_with_its_reason_and_user_and_counts_a_failed_login()
    {
        _audit.LoginFailed(LoginFailureReason.WrongPassword, 7);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1003, "LoginFailed", LogLevel.Warning)));
        Assert.That((line["Reason"], line["UserId"]), Is.EqualTo((LoginFailureReason.WrongPassword, 7)));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.logins", ("outcome", "failure")) }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void An_unknown_login_is_event_1003_without_a_user_and_counted_exactly_like_a_wrong_password()
    {
        _audit.LoginFailed(LoginFailureReason.UnknownLogin, null);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1003, "LoginFailed", LogLevel.Warning)));
        Assert.That((line["Reason"], line["UserId"]), Is.EqualTo((LoginFailureReason.UnknownLogin, (object?)null)));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.logins", ("outcome", "failure")) }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void A_backed_off_login_is_event_1003_and_counts_a_backed_off_login_and_a_login_backoff_refusal()
    {
        _audit.LoginFailed(LoginFailureReason.BackedOff, 7);

        Assert.That(Event(Single()), Is.EqualTo((1003, "LoginFailed", LogLevel.Warning)));
        Assert.That(_measurements.All, Is.EqualTo(new[]
        {
            Counted("doubledibz.logins", ("outcome", "backed_off")),
            Counted("doubledibz.throttled", ("reason", "login_backoff")),
        }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void BackoffStarted_is_event_1004_with_the_user_and_the_seconds_and_counts_nothing()
    {
        _audit.BackoffStarted(7, 30);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1004, "LoginBackoffStarted", LogLevel.Warning)));
        Assert.That((line["UserId"], line["BackoffSeconds"]), Is.EqualTo((7, 30.0)));
        Assert.That(_measurements.All, Is.Empty);
    }

    [Test]
    public void LoggedOut_is_event_1005_with_the_user()
    {
        _audit.LoggedOut(7);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1005, "LoggedOut", LogLevel.Information)));
        Assert.That(line["UserId"], Is.EqualTo(7));
    }

    [Test]
    public void A_csrf_refusal_is_event_1006_with_method_path_and_a_count_and_counts_no_metric()
    {
        _audit.CsrfRejected("POST", "/api/auth/login", "10.0.0.1");

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1006, "CsrfRejected", LogLevel.Warning)));
        Assert.That((line["Method"], line["Path"], line["Count"]), Is.EqualTo(("POST", "/api/auth/login", 1)));
        Assert.That(_measurements.All, Is.Empty);
    }

    [Test]
    public void Csrf_refusals_from_one_client_within_the_window_write_one_line_and_the_next_carries_the_count()
    {
        _audit.CsrfRejected("POST", "/api/auth/login", "10.0.0.1");
        _audit.CsrfRejected("POST", "/api/auth/login", "10.0.0.1");
        _clock.Advance(RepeatedEventLimiter.DefaultWindow);
        _audit.CsrfRejected("POST", "/api/auth/logout", "10.0.0.1");

        Assert.That(_log.Lines.Select(l => (l.EventId.Id, l["Path"], l["Count"])),
            Is.EqualTo(new[] { (1006, (object?)"/api/auth/login", (object?)1), (1006, "/api/auth/logout", 2) }));
    }

    [Test]
    public void A_rate_limit_refusal_is_event_1007_with_method_path_and_a_count_and_counts_a_rate_limit_refusal()
    {
        _audit.RateLimited("POST", "/api/auth/login", "10.0.0.1");

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1007, "RateLimited", LogLevel.Warning)));
        Assert.That((line["Method"], line["Path"], line["Count"]), Is.EqualTo(("POST", "/api/auth/login", 1)));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.throttled", ("reason", "rate_limit")) }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void Rate_limit_refusals_from_one_client_are_each_counted_but_logged_once_per_window()
    {
        _audit.RateLimited("POST", "/api/auth/login", "10.0.0.1");
        _audit.RateLimited("POST", "/api/auth/login", "10.0.0.1");
        _clock.Advance(RepeatedEventLimiter.DefaultWindow);
        _audit.RateLimited("GET", "/api/auth/verify_auth", "10.0.0.1");

        Assert.That(_log.Lines.Select(l => (l.EventId.Id, l["Method"], l["Count"])),
            Is.EqualTo(new[] { (1007, (object?)"POST", (object?)1), (1007, "GET", 2) }));
        Assert.That(_measurements.All, Has.Count.EqualTo(3));
    }

    [Test]
    public void Csrf_and_rate_limit_refusals_of_one_client_are_limited_separately()
    {
        _audit.CsrfRejected("POST", "/api/auth/login", "10.0.0.1");
        _audit.RateLimited("POST", "/api/auth/login", "10.0.0.1");

        Assert.That(_log.Lines.Select(l => l.EventId.Id), Is.EqualTo(new[] { 1006, 1007 }));
    }

    [Test]
    public void UserCreated_is_event_1008_with_the_user_and_role_and_counts_a_signup()
    {
        _audit.UserCreated(7, "admin");

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1008, "UserCreated", LogLevel.Information)));
        Assert.That((line["UserId"], line["Role"]), Is.EqualTo((7, "admin")));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.signups") }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void SessionsRevoked_is_event_1009_with_the_user_and_how_many()
    {
        _audit.SessionsRevoked(7, 3);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1009, "SessionsRevoked", LogLevel.Warning)));
        Assert.That((line["UserId"], line["Count"]), Is.EqualTo((7, 3)));
    }

    [Test]
    public void DataWiped_is_event_1010_with_how_many_users()
    {
        _audit.DataWiped(4);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1010, "DataWiped", LogLevel.Warning)));
        Assert.That(line["Users"], Is.EqualTo(4));
    }

    [Test]
    public void PasswordChanged_is_event_1011_with_the_user_and_the_other_sessions_it_ended_and_counts_nothing()
    {
        _audit.PasswordChanged(7, 2);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1011, "PasswordChanged", LogLevel.Warning)));
        Assert.That((line["UserId"], line["OtherSessionsEnded"]), Is.EqualTo((7, 2)));
        Assert.That(_measurements.All, Is.Empty);
    }

    [Test]
    public void SessionEnded_is_event_1012_with_the_user()
    {
        _audit.SessionEnded(7);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1012, "SessionEnded", LogLevel.Information)));
        Assert.That(line["UserId"], Is.EqualTo(7));
    }

    [Test]
    public void OtherSessionsEnded_is_event_1013_with_the_user_and_how_many()
    {
        _audit.OtherSessionsEnded(7, 3);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1013, "OtherSessionsEnded", LogLevel.Information)));
        Assert.That((line["UserId"], line["Count"]), Is.EqualTo((7, 3)));
    }

    [Test]
    public void ProfileUpdated_is_event_1014_with_the_user()
    {
        _audit.ProfileUpdated(7);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1014, "ProfileUpdated", LogLevel.Information)));
        Assert.That(line["UserId"], Is.EqualTo(7));
    }

    [Test]
    public void AccountDeleted_is_event_1015_with_the_user()
    {
        _audit.AccountDeleted(7);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1015, "AccountDeleted", LogLevel.Warning)));
        Assert.That(line["UserId"], Is.EqualTo(7));
    }

    // Two-factor sign-in (issue 14), events 1030-1038.

    [TestCase(1030, "TwoFactorSetUp", LogLevel.Information)]
    [TestCase(1034, "RecoveryCodesReplaced", LogLevel.Warning)]
    [TestCase(1035, "SecondFactorRequested", LogLevel.Information)]
    [TestCase(1038, "PendingSignInEnded", LogLevel.Warning)]
    public void A_two_factor_event_of_one_user_has_its_id_name_and_level_and_counts_nothing(int id, string name, LogLevel level)
    {
        Action<int> record = name switch
        {
            "TwoFactorSetUp" => _audit.TwoFactorSetUp,
            "RecoveryCodesReplaced" => _audit.RecoveryCodesReplaced,
            "SecondFactorRequested" => _audit.SecondFactorRequested,
            _ => _audit.PendingSignInEnded,
        };

        record(7);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((id, name, level)));
        Assert.That(line["UserId"], Is.EqualTo(7));
        Assert.That(_measurements.All, Is.Empty);
    }

    [Test]
    public void TwoFactorEnabled_is_event_1031_and_counts_an_enabled_account()
    {
        _audit.TwoFactorEnabled(7);

        Assert.That(Event(Single()), Is.EqualTo((1031, "TwoFactorEnabled", LogLevel.Warning)));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.two_factor.enabled") }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void TwoFactorDisabled_by_the_user_is_event_1032_and_counts_by_user()
    {
        _audit.TwoFactorDisabled(7, byAdmin: false);

        Assert.That(Event(Single()), Is.EqualTo((1032, "TwoFactorDisabled", LogLevel.Warning)));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.two_factor.disabled", ("by", "user")) }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void TwoFactorDisabled_by_the_admin_is_event_1033_and_counts_by_admin()
    {
        _audit.TwoFactorDisabled(7, byAdmin: true);

        Assert.That(Event(Single()), Is.EqualTo((1033, "TwoFactorDisabledByAdmin", LogLevel.Warning)));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.two_factor.disabled", ("by", "admin")) }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void A_wrong_code_is_event_1036_with_its_reason_and_counts_a_second_step_failure()
    {
        _audit.SecondFactorFailed(7, SecondFactorFailureReason.WrongCode);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1036, "SecondFactorFailed", LogLevel.Warning)));
        Assert.That(line["Reason"], Is.EqualTo(SecondFactorFailureReason.WrongCode));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.two_factor.failures", ("reason", "wrong_code")) }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void A_wrong_recovery_code_is_counted_under_its_own_reason()
    {
        _audit.SecondFactorFailed(7, SecondFactorFailureReason.WrongRecoveryCode);

        Assert.That(Single()["Reason"], Is.EqualTo(SecondFactorFailureReason.WrongRecoveryCode));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.two_factor.failures", ("reason", "wrong_recovery_code")) }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void A_second_step_in_back_off_counts_a_throttled_request_too()
    {
        _audit.SecondFactorFailed(7, SecondFactorFailureReason.BackedOff);

        Assert.That(_measurements.All, Is.EqualTo(new[]
        {
            Counted("doubledibz.two_factor.failures", ("reason", "backed_off")), Counted("doubledibz.throttled", ("reason", "login_backoff")),
        }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void RecoveryCodeUsed_is_event_1037_with_the_codes_left_and_counts_a_used_code()
    {
        _audit.RecoveryCodeUsed(7, 9);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1037, "RecoveryCodeUsed", LogLevel.Warning)));
        Assert.That(line["Remaining"], Is.EqualTo(9));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.two_factor.recovery_codes_used") }).Using(MeasurementComparer.Instance));
    }
    [Test]
    public void PasswordResetRequested_is_event_1022_with_the_user_and_counts_a_requested_reset()
    {
        _audit.PasswordResetRequested(7);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1022, "PasswordResetRequested", LogLevel.Information)));
        Assert.That(line["UserId"], Is.EqualTo(7));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.password_resets", ("stage", "requested")) }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void A_reset_asked_for_no_account_is_event_1022_without_a_user_and_counted_like_any_other()
    {
        _audit.PasswordResetRequested(null);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1022, "PasswordResetRequested", LogLevel.Information)));
        Assert.That(line["UserId"], Is.Null);
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.password_resets", ("stage", "requested")) }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void PasswordReset_is_event_1023_with_the_user_and_the_sessions_it_ended_and_counts_a_completed_reset()
    {
        _audit.PasswordReset(7, 3);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1023, "PasswordReset", LogLevel.Warning)));
        Assert.That((line["UserId"], line["SessionsEnded"]), Is.EqualTo((7, 3)));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.password_resets", ("stage", "completed")) }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void PasswordResetSentByAdmin_is_event_1026_with_the_user_and_counts_a_requested_reset()
    {
        _audit.PasswordResetSentByAdmin(7);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1026, "PasswordResetSentByAdmin", LogLevel.Warning)));
        Assert.That(line["UserId"], Is.EqualTo(7));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.password_resets", ("stage", "requested")) }).Using(MeasurementComparer.Instance));
    }

    [Test]
    public void MailLimited_is_event_1027_with_the_user_and_counts_a_mail_limit_refusal()
    {
        _audit.MailLimited(7);

        var line = Single();
        Assert.That(Event(line), Is.EqualTo((1027, "MailLimited", LogLevel.Warning)));
        Assert.That(line["UserId"], Is.EqualTo(7));
        Assert.That(_measurements.All, Is.EqualTo(new[] { Counted("doubledibz.throttled", ("reason", "mail_limit")) }).Using(MeasurementComparer.Instance));
    }
}

/// <summary>Compares measurements by instrument, value and tags (records compare dictionaries by reference).</summary>
internal sealed class MeasurementComparer : IEqualityComparer<Measurement>
{
    public static readonly MeasurementComparer Instance = new();

    public bool Equals(Measurement? x, Measurement? y) =>
        x is not null && y is not null && x.Instrument == y.Instrument && x.Value.Equals(y.Value)
        && x.Tags.Count == y.Tags.Count && x.Tags.All(t => y.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value));

    public int GetHashCode(Measurement obj) => obj.Instrument.GetHashCode(StringComparison.Ordinal);
}
