using System.Net;
using DoubleDibz.Infrastructure.Maintenance;
using DoubleDibz.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DoubleDibz.IntegrationTests.Sessions;

/// <summary>Idle expiry, absolute lifetime and token rotation, with the service's clock under the test's control.</summary>
public class SessionLifetimeTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private ApiHost _host = null!;
    private ApiClient _client = null!;
    private SignupForm _user = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new ApiHost(services: s => s.AddSingleton<TimeProvider>(_clock));
        using var client = _host.NewClient();
        _user = SignupForm.Valid();
        await client.SignupAsync(_user);
    }

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    [SetUp]
    public void NewClient() => _client = _host.NewClient();

    [TearDown]
    public void DisposeClient() => _client.Dispose();

    [Test]
    public async Task A_browser_session_expires_after_two_idle_hours()
    {
        await _client.LoginAsync(_user.UserName, _user.Password);

        _clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        Assert.That((await _client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Activity_keeps_a_browser_session_alive()
    {
        await _client.LoginAsync(_user.UserName, _user.Password);

        _clock.Advance(TimeSpan.FromMinutes(110));
        var midway = await _client.VerifyAuthAsync();
        _clock.Advance(TimeSpan.FromMinutes(110));
        var later = await _client.VerifyAuthAsync();

        Assert.That(new[] { midway.Status, later.Status }, Is.All.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_remember_me_session_survives_a_day_of_idleness()
    {
        await _client.LoginAsync(_user.UserName, _user.Password, rememberMe: true);

        _clock.Advance(TimeSpan.FromDays(1));

        Assert.That((await _client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_remember_me_session_in_use_outlives_its_first_thirty_days_and_its_cookie_moves_with_it()
    {
        await _client.LoginAsync(_user.UserName, _user.Password, rememberMe: true);

        _clock.Advance(TimeSpan.FromDays(20));
        var renewal = await _client.VerifyAuthAsync();
        _clock.Advance(TimeSpan.FromDays(20));
        var later = await _client.VerifyAuthAsync();

        Assert.That(renewal.SetCookie("dd_session"), Does.Contain("max-age=2592000"));
        Assert.That(later.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_sweep_deletes_expired_sessions_and_keeps_live_ones()
    {
        var idle = SignupForm.Valid();
        await _client.SignupAsync(idle);
        _clock.Advance(TimeSpan.FromHours(3));
        using var active = _host.NewClient();
        await active.LoginAsync(idle.UserName, idle.Password);

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExpiredRowCleanup>().RunAsync(CancellationToken.None);
        }

        Assert.That(DatabaseProbe.SessionCountOf(_host.DatabaseFile, idle.UserName), Is.EqualTo(1));
        Assert.That((await active.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_sweep_deletes_expired_emailed_tokens_and_keeps_live_ones()
    {
        var expired = SignupForm.Valid();
        await _client.SignupAsync(expired); // a confirmation token, 24 h
        _clock.Advance(TimeSpan.FromHours(25));
        var live = SignupForm.Valid();
        using var other = _host.NewClient();
        await other.SignupAsync(live);

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExpiredRowCleanup>().RunAsync(CancellationToken.None);
        }

        Assert.That(DatabaseProbe.AccountTokenCountOf(_host.DatabaseFile, expired.UserName), Is.Zero);
        Assert.That(DatabaseProbe.AccountTokenCountOf(_host.DatabaseFile, live.UserName), Is.EqualTo(1));
    }

    [Test]
    public async Task The_sweep_deletes_dead_mail_kept_longer_than_a_week_and_keeps_newer_dead_mail()
    {
        var now = _clock.GetUtcNow();
        InsertDeadMail("old@example.com", diedAt: now - TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        InsertDeadMail("recent@example.com", diedAt: now - TimeSpan.FromDays(6));

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExpiredRowCleanup>().RunAsync(CancellationToken.None);
        }

        Assert.That(DatabaseProbe.OutboxCount(_host.DatabaseFile, "old@example.com"), Is.Zero);
        Assert.That(DatabaseProbe.OutboxCount(_host.DatabaseFile, "recent@example.com"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_sweep_logs_no_database_warning()
    {
        InsertDeadMail("dead@example.com", diedAt: _clock.GetUtcNow() - TimeSpan.FromDays(8));

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExpiredRowCleanup>().RunAsync(CancellationToken.None);
        }

        // The host's log since it started: a query compiled by an earlier sweep warned then, once.
        var warnings = _host.Logs.Entries.Where(e => e.Level >= LogLevel.Warning && e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.That(warnings.Select(e => e.Message), Is.Empty);
    }

    private void InsertDeadMail(string recipient, DateTimeOffset diedAt) => DatabaseProbe.Execute(_host.DatabaseFile, $"""
        INSERT INTO OutboxMessages (Id, Recipient, Subject, TextBody, HtmlBody, CreatedAtUnixMs, Attempts, NextAttemptAtUnixMs, ClaimedUntilUnixMs, LastError, DeadAtUnixMs)
        VALUES ('{Guid.NewGuid().ToString().ToUpperInvariant()}', '{recipient}', 'Confirm your e-mail address', '', '', 0, 10, 0, 0, 'SmtpCommandException', {diedAt.ToUnixTimeMilliseconds()})
        """);

    [Test]
    public async Task A_remember_me_session_expires_after_thirty_idle_days()
    {
        await _client.LoginAsync(_user.UserName, _user.Password, rememberMe: true);
        var token = _client.SessionCookie!;

        _clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));

        // The browser would have dropped the cookie by now; a client that kept it must be refused anyway.
        using var replay = _host.NewClient();
        replay.Cookies.Add(replay.BaseAddress, new Cookie("dd_session", token));
        Assert.That((await replay.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_browser_session_ends_a_day_after_sign_in_however_active()
    {
        await _client.LoginAsync(_user.UserName, _user.Password);
        var answers = new List<HttpStatusCode>();
        for (var hour = 0; hour < 23; hour++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            answers.Add((await _client.VerifyAuthAsync()).Status);
        }

        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var afterADay = await _client.VerifyAuthAsync();

        Assert.That(answers, Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(afterADay.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_remember_me_session_ends_ninety_days_after_sign_in_however_active()
    {
        await _client.LoginAsync(_user.UserName, _user.Password, rememberMe: true);
        var answers = new List<HttpStatusCode>();
        for (var week = 0; week < 12; week++)
        {
            _clock.Advance(TimeSpan.FromDays(7));
            answers.Add((await _client.VerifyAuthAsync()).Status);
        }

        _clock.Advance(TimeSpan.FromDays(7));
        var after91Days = await _client.VerifyAuthAsync();

        Assert.That(answers, Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(after91Days.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_remember_me_cookie_never_outlives_the_sessions_absolute_lifetime()
    {
        await _client.LoginAsync(_user.UserName, _user.Password, rememberMe: true);

        for (var day = 20; day < 80; day += 20)
        {
            _clock.Advance(TimeSpan.FromDays(20));
            await _client.VerifyAuthAsync();
        }

        _clock.Advance(TimeSpan.FromDays(20));
        var renewal = await _client.VerifyAuthAsync(); // day 80

        // 10 days left, not 30 (stored times keep millisecond precision, so allow a second less).
        Assert.That(renewal.SetCookie("dd_session"), Does.Match("max-age=(864000|863999);"));
    }

    [Test]
    public async Task Renewing_a_remember_me_cookie_rotates_its_token()
    {
        await _client.LoginAsync(_user.UserName, _user.Password, rememberMe: true);
        var before = _client.SessionCookie;

        _clock.Advance(TimeSpan.FromDays(1));
        await _client.VerifyAuthAsync();

        Assert.That(_client.SessionCookie, Is.Not.Null.And.Not.EqualTo(before));
        Assert.That((await _client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_token_before_a_rotation_works_for_a_grace_period_and_then_never_again()
    {
        await _client.LoginAsync(_user.UserName, _user.Password, rememberMe: true);
        var before = _client.SessionCookie!;
        _clock.Advance(TimeSpan.FromDays(1));
        await _client.VerifyAuthAsync(); // rotates
        using var parallelRequest = _host.NewClient();
        parallelRequest.Cookies.Add(parallelRequest.BaseAddress, new Cookie("dd_session", before));

        var duringGrace = await parallelRequest.VerifyAuthAsync();
        _clock.Advance(TimeSpan.FromSeconds(31));
        var afterGrace = await parallelRequest.VerifyAuthAsync();

        Assert.That(duringGrace.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(duringGrace.SetCookies.Any(c => c.StartsWith("dd_session=", StringComparison.Ordinal)), Is.False, "the old token renews nothing");
        Assert.That(afterGrace.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_sweep_deletes_any_number_of_expired_sessions_in_batches()
    {
        var many = SignupForm.Valid();
        await _client.SignupAsync(many);
        DatabaseProbe.Execute(_host.DatabaseFile, $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {ExpiredRowCleanup.BatchSize * 2 + 7})
            INSERT INTO Sessions (Id, TokenHash, UserId, Persistent, CreatedAt, LastSeenAt, ExpiresAt)
            SELECT printf('00000000-0000-7000-8000-%012d', i), randomblob(32), (SELECT Id FROM Users WHERE NormalizedUserName = '{many.UserName.ToUpperInvariant()}'), 0, 0, 0, 0 FROM n
            """);

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExpiredRowCleanup>().RunAsync(CancellationToken.None);
        }

        Assert.That(DatabaseProbe.SessionCountOf(_host.DatabaseFile, many.UserName), Is.EqualTo(1), "only the signup's own session is left");
    }
}
