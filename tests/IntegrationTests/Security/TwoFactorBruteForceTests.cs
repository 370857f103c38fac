using System.Net;
using DoubleDibz.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DoubleDibz.IntegrationTests.Security;

/// <summary>
/// An attacker who knows the password cannot guess a 6-digit code within its window. A code is valid for about 90 s
/// (its 30-s step and one step either side), so a guesser needs ~10^6 / 3 tries per valid window on average. The
/// password step counts as an attempt of the account and is not cleared until a code is right, each wrong code counts
/// too, and a pending sign-in takes at most 5 codes: the test host's back-off (5 free attempts, then 30 s doubling)
/// lets through a handful of guesses per 90 s, however fast they come and however many pending sign-ins are opened.
/// </summary>
public class TwoFactorBruteForceTests
{
    /// <summary>Free attempts (5) less the password step that opens the first pending sign-in, plus one after each lock ends in 90 s.</summary>
    private const int MostGuessesPer90Seconds = 6;

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Test]
    public async Task An_attacker_with_the_password_gets_only_a_handful_of_guesses_in_a_codes_90_second_window()
    {
        using var host = new ApiHost(services: s => s.AddSingleton<TimeProvider>(_clock));
        TwoFactorUser user;
        using (var owner = host.NewClient())
        {
            user = await Authenticator.EnabledUserAsync(owner, _clock);
        }

        var windowEnds = _clock.GetUtcNow() + TimeSpan.FromSeconds(90);
        var evaluated = 0;
        var accepted = 0;
        var requests = 0;
        while (_clock.GetUtcNow() < windowEnds)
        {
            using var attacker = host.NewClient(); // a fresh browser each time: no device cookie, no saved pending sign-in
            var login = await attacker.LoginAsync(user.UserName, user.Password);
            requests++;
            _clock.Advance(TimeSpan.FromMilliseconds(250));
            if (login.Status != HttpStatusCode.Unauthorized)
            {
                continue; // 429: the account is in back-off
            }

            for (var guess = 0; guess < 10 && _clock.GetUtcNow() < windowEnds; guess++)
            {
                var response = await attacker.SecondStepAsync(Authenticator.WrongCodeAt(user.Secret, _clock.GetUtcNow(), seed: requests * 10 + guess));
                requests++;
                _clock.Advance(TimeSpan.FromMilliseconds(250));
                evaluated += response.Status == HttpStatusCode.UnprocessableEntity ? 1 : 0;
                accepted += response.Status == HttpStatusCode.OK ? 1 : 0;
                if (response.Status != HttpStatusCode.UnprocessableEntity)
                {
                    break; // 429 (back-off) or 401 (this pending sign-in has used its codes)
                }
            }
        }

        TestContext.Out.WriteLine($"{requests} requests in 90 s of the service's clock; {evaluated} codes were checked; a code is one of ~10^6/3 in its window");
        Assert.That(accepted, Is.Zero);
        Assert.That(evaluated, Is.InRange(1, MostGuessesPer90Seconds));
    }

    [Test]
    public async Task Opening_new_pending_sign_ins_does_not_reset_the_account_back_off()
    {
        using var host = new ApiHost(services: s => s.AddSingleton<TimeProvider>(_clock));
        TwoFactorUser user;
        using (var owner = host.NewClient())
        {
            user = await Authenticator.EnabledUserAsync(owner, _clock);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var attacker = host.NewClient();
            statuses.Add((await attacker.LoginAsync(user.UserName, user.Password)).Status);
        }

        Assert.That(statuses.Take(5), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(statuses[5], Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task The_owner_completing_the_second_step_clears_the_account_back_off()
    {
        using var host = new ApiHost(services: s => s.AddSingleton<TimeProvider>(_clock));
        using var owner = host.NewClient();
        var user = await Authenticator.EnabledUserAsync(owner, _clock);
        await owner.LogoutAsync();

        for (var i = 0; i < 3; i++)
        {
            using var browser = host.NewClient();
            await browser.LoginAsync(user.UserName, user.Password);
            await browser.SecondStepAsync(Authenticator.CodeAt(user.Secret, _clock.GetUtcNow()));
            _clock.Advance(TimeSpan.FromSeconds(30));
        }

        using var last = host.NewClient();
        await last.LoginAsync(user.UserName, user.Password);
        var response = await last.SecondStepAsync(Authenticator.CodeAt(user.Secret, _clock.GetUtcNow()));
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(DatabaseProbe.LoginAttemptKeys(host.DatabaseFile), Is.Empty);
    }
}
