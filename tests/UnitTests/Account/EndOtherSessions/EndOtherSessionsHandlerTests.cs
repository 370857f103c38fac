using DoubleDibz.Application.Account.EndOtherSessions;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Account.EndOtherSessions;

public class EndOtherSessionsHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly CurrentSession _requester = A.Session(userId: 7);
    private EndOtherSessionsHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _sessions.Setup(s => s.EndAllAsync(7, _requester.SessionId, It.IsAny<CancellationToken>())).ReturnsAsync(3);
        _handler = new EndOtherSessionsHandler(_sessions.Object, _audit);
    }

    [Test]
    public async Task Ending_other_sessions_ends_every_session_of_the_user_but_the_requesters()
    {
        await _handler.Handle(new EndOtherSessionsCommand(_requester), CancellationToken.None);

        _sessions.Verify(s => s.EndAllAsync(7, _requester.SessionId, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Ending_other_sessions_returns_how_many_the_store_ended()
    {
        var result = await _handler.Handle(new EndOtherSessionsCommand(_requester), CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo(new OtherSessionsEnded(Revoked: 3)));
    }

    [Test]
    public async Task Ending_other_sessions_records_OtherSessionsEnded_with_how_many_and_nothing_else()
    {
        await _handler.Handle(new EndOtherSessionsCommand(_requester), CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.OtherSessionsEnded(7, 3) }));
    }

    [Test]
    public void End_other_sessions_is_an_authenticated_request()
    {
        Assert.That(new EndOtherSessionsCommand(null), Is.InstanceOf<IAuthenticatedRequest>());
    }
}
