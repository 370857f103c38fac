using DoubleDibz.Application.Common.Sessions;

namespace DoubleDibz.UnitTests.Common.Sessions;

public class SessionOptionsTests
{
    private readonly SessionOptions _options = new()
    {
        IdleTimeout = TimeSpan.FromHours(1),
        RememberMeIdleTimeout = TimeSpan.FromDays(7),
        AbsoluteLifetime = TimeSpan.FromHours(12),
        RememberMeAbsoluteLifetime = TimeSpan.FromDays(60),
    };

    [Test]
    public void A_remember_me_session_gets_the_remember_me_idle_timeout_and_lifetime()
    {
        Assert.That((_options.IdleTimeoutFor(persistent: true), _options.AbsoluteLifetimeFor(persistent: true)),
            Is.EqualTo((TimeSpan.FromDays(7), TimeSpan.FromDays(60))));
    }

    [Test]
    public void A_browser_session_gets_the_plain_idle_timeout_and_lifetime()
    {
        Assert.That((_options.IdleTimeoutFor(persistent: false), _options.AbsoluteLifetimeFor(persistent: false)),
            Is.EqualTo((TimeSpan.FromHours(1), TimeSpan.FromHours(12))));
    }

    [Test]
    public void The_token_of_an_issued_session_is_redacted_when_printed()
    {
        var issued = new IssuedSession("bearer-secret-token", new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));

        Assert.That(issued.ToString(), Is.EqualTo($"IssuedSession {{ Token = [redacted], CookieExpiresAt = {issued.CookieExpiresAt} }}"));
    }
}
