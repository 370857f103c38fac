using System.Net;
using DoubleDibz.Infrastructure.Maintenance;
using DoubleDibz.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DoubleDibz.IntegrationTests.Sessions;

/// <summary>Idle expiry, with the service's clock under the test's control.</summary>
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
}
