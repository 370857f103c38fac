using System.Diagnostics.Metrics;

namespace DoubleDibz.Application.Common.Audit;

/// <summary>
/// The service's own OpenTelemetry metrics, on the meter <see cref="MeterName"/>. Counters here; the hash-duration
/// histogram and the active-session gauge are recorded where their numbers are (Infrastructure), on the same meter.
/// </summary>
public sealed class AuthMetrics
{
    public const string MeterName = "DoubleDibz";

    private readonly Counter<long> _signups;
    private readonly Counter<long> _logins;
    private readonly Counter<long> _throttled;
    private readonly Histogram<double> _hashDuration;
    private readonly Counter<long> _twoFactorEnabled;
    private readonly Counter<long> _twoFactorDisabled;
    private readonly Counter<long> _twoFactorFailures;
    private readonly Counter<long> _recoveryCodesUsed;
    private readonly Counter<long> _mailSent;
    private readonly Counter<long> _mailFailed;
    private readonly Counter<long> _mailRetried;
    private readonly Counter<long> _passwordResets;

    public AuthMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        _signups = Meter.CreateCounter<long>("doubledibz.signups", "{signup}", "Accounts created (signup and admin create-user).");
        _logins = Meter.CreateCounter<long>("doubledibz.logins", "{login}", "Login attempts by outcome: success, failure (unknown login or wrong password alike), backed_off.");
        _hashDuration = Meter.CreateHistogram<double>("doubledibz.password_hash.duration", "s", "Time of one Argon2id derivation (hash or verify), excluding the wait for a slot.");
        _twoFactorEnabled = Meter.CreateCounter<long>("doubledibz.two_factor.enabled", "{account}", "Accounts that turned two-factor sign-in on.");
        _twoFactorDisabled = Meter.CreateCounter<long>("doubledibz.two_factor.disabled", "{account}", "Accounts whose two-factor sign-in was turned off, by who: user, admin.");
        _twoFactorFailures = Meter.CreateCounter<long>("doubledibz.two_factor.failures", "{attempt}", "Second-step codes refused, by reason: wrong_code, wrong_recovery_code, backed_off.");
        _recoveryCodesUsed = Meter.CreateCounter<long>("doubledibz.two_factor.recovery_codes_used", "{code}", "Recovery codes used (sign-in or turning two-factor off).");
        _throttled = Meter.CreateCounter<long>("doubledibz.throttled", "{request}", "Requests refused for load or abuse, by reason: login_backoff, rate_limit, hasher_busy, database_unavailable, mail_limit.");
        _mailSent = Meter.CreateCounter<long>("doubledibz.mail.sent", "{message}", "Messages the outbox delivered (SMTP server accepted, or pickup file written).");
        _mailFailed = Meter.CreateCounter<long>("doubledibz.mail.failed", "{message}", "Messages given up after the last attempt (dead in the outbox).");
        _mailRetried = Meter.CreateCounter<long>("doubledibz.mail.retried", "{attempt}", "Delivery attempts that failed and were scheduled again.");
        _passwordResets = Meter.CreateCounter<long>("doubledibz.password_resets", "{reset}", "Password resets by stage: requested (forgot-password or admin, known or not), completed.");
    }

    public Meter Meter { get; }

    public void SignedUp() => _signups.Add(1);

    public void Login(string outcome) => _logins.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void PasswordHashed(TimeSpan elapsed) => _hashDuration.Record(elapsed.TotalSeconds);

    public void TwoFactorEnabled() => _twoFactorEnabled.Add(1);

    public void TwoFactorDisabled(bool byAdmin) => _twoFactorDisabled.Add(1, new KeyValuePair<string, object?>("by", byAdmin ? "admin" : "user"));

    public void SecondFactorFailed(string reason) => _twoFactorFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void RecoveryCodeUsed() => _recoveryCodesUsed.Add(1);

    public void Throttled(string reason) => _throttled.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void MailSent() => _mailSent.Add(1);

    public void MailFailed() => _mailFailed.Add(1);

    public void MailRetried() => _mailRetried.Add(1);

    public void PasswordReset(string stage) => _passwordResets.Add(1, new KeyValuePair<string, object?>("stage", stage));
}
