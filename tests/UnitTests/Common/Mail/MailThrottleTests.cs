using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Ports;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DoubleDibz.UnitTests.Common.Mail;

public class MailThrottleTests
{
    private static readonly LoginAttemptKey Key = MailThrottle.ForUser(7);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly Mock<ILoginAttemptStore> _store = new();

    private MailThrottle Throttle() => new(_store.Object, Options.Create(new AccountOptions()), _clock);

    private void Refused(TimeSpan lockedFor)
    {
        _store.Setup(s => s.TryCountAsync(Key, It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CountedAttempt?)null);
        _store.Setup(s => s.FindLockedUntilAsync(Key, It.IsAny<CancellationToken>())).ReturnsAsync(_clock.GetUtcNow() + lockedFor);
    }

    [Test]
    public async Task A_request_the_store_counts_is_admitted()
    {
        _store.Setup(s => s.TryCountAsync(Key, It.IsAny<DateTimeOffset>(), It.IsAny<LoginBackoffOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CountedAttempt(1, DateTimeOffset.MinValue));

        Assert.That(await Throttle().TryAdmitAsync(Key, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_refused_request_waits_until_the_lock_ends()
    {
        Refused(TimeSpan.FromSeconds(30));

        Assert.That(await Throttle().TryAdmitAsync(Key, CancellationToken.None), Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task A_refused_request_waits_at_least_a_second()
    {
        Refused(TimeSpan.FromMilliseconds(200));

        Assert.That(await Throttle().TryAdmitAsync(Key, CancellationToken.None), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Mail_keys_are_kept_apart_from_login_keys()
    {
        Assert.That(MailThrottle.ForUser(7).Value, Is.EqualTo("mail:user:7"));
        Assert.That(MailThrottle.ForLogin("abc").Value, Is.EqualTo("mail:login:abc"));
    }

    [Test]
    public void Too_many_says_the_wait_in_whole_seconds_rounded_up()
    {
        var error = MailThrottle.TooMany(TimeSpan.FromSeconds(2.1));

        Assert.That(error.Message, Is.EqualTo("Too many e-mails asked for, try again in 3 seconds"));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2.1)));
    }
}
