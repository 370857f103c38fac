using DoubleDibz.Application.Account.ListSessions;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Account.ListSessions;

public class ListSessionsHandlerTests
{
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly CurrentSession _requester = A.Session(userId: 7);
    private ListSessionsHandler _handler = null!;

    [SetUp]
    public void SetUp() => _handler = new ListSessionsHandler(_sessions.Object);

    private void Live(params SessionSummary[] sessions) =>
        _sessions.Setup(s => s.ListAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(sessions);

    private async Task<IReadOnlyList<SessionDto>> List() =>
        (await _handler.Handle(new ListSessionsQuery(_requester), CancellationToken.None)).Value.Sessions;

    [Test]
    public async Task List_sessions_shows_each_live_session_of_the_requesters_user()
    {
        var id = Guid.NewGuid();
        Live(new SessionSummary(
            id,
            new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 30, 12, 0, 0, TimeSpan.Zero),
            Persistent: true,
            UserAgent: "Mozilla/5.0",
            ClientAddress: "203.0.113.7"));

        var sessions = await List();

        Assert.That(sessions, Is.EqualTo(new[]
        {
            new SessionDto(
                id,
                new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc),
                new DateTime(2026, 11, 30, 13, 0, 0, DateTimeKind.Utc),
                new DateTime(2026, 12, 30, 12, 0, 0, DateTimeKind.Utc),
                RememberMe: true,
                UserAgent: "Mozilla/5.0",
                Ip: "203.0.113.7",
                Current: false),
        }));
    }

    [Test]
    public async Task List_sessions_gives_times_in_UTC_whatever_offset_the_store_used()
    {
        var inParis = new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.FromHours(1));
        Live(A.SessionSummary() with { CreatedAt = inParis, LastSeenAt = inParis.AddHours(1), ExpiresAt = inParis.AddDays(1) });

        var session = (await List()).Single();

        var utc = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        Assert.That(new[] { session.CreatedAt, session.LastSeenAt, session.ExpiresAt }, Is.EqualTo(new[] { utc, utc.AddHours(1), utc.AddDays(1) }));
        Assert.That(new[] { session.CreatedAt.Kind, session.LastSeenAt.Kind, session.ExpiresAt.Kind }, Is.All.EqualTo(DateTimeKind.Utc));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task List_sessions_shows_remember_me_for_a_persistent_session(bool persistent)
    {
        Live(A.SessionSummary() with { Persistent = persistent });

        var session = (await List()).Single();

        Assert.That(session.RememberMe, Is.EqualTo(persistent));
    }

    [Test]
    public async Task List_sessions_shows_an_unknown_user_agent_and_address_as_null()
    {
        Live(A.SessionSummary() with { UserAgent = null, ClientAddress = null });

        var session = (await List()).Single();

        Assert.That(session.UserAgent, Is.Null);
        Assert.That(session.Ip, Is.Null);
    }

    [Test]
    public async Task List_sessions_marks_only_the_requesters_session_as_current()
    {
        Live(A.SessionSummary(), A.SessionSummary(_requester.SessionId), A.SessionSummary());

        var sessions = await List();

        Assert.That(sessions.Select(s => s.Current), Is.EqualTo(new[] { false, true, false }));
    }

    [Test]
    public async Task List_sessions_keeps_the_stores_order()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        Live(ids.Select(id => A.SessionSummary(id)).ToArray());

        var sessions = await List();

        Assert.That(sessions.Select(s => s.Id), Is.EqualTo(ids));
    }

    [Test]
    public async Task List_sessions_with_no_live_session_returns_an_empty_list()
    {
        Live();

        var sessions = await List();

        Assert.That(sessions, Is.Empty);
    }

    [Test]
    public void List_sessions_is_an_authenticated_request()
    {
        Assert.That(new ListSessionsQuery(null), Is.InstanceOf<IAuthenticatedRequest>());
    }
}
