using DoubleDibz.Application.Account.EndSession;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Account.EndSession;

public class EndSessionHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly CurrentSession _requester = A.Session(userId: 7);
    private readonly Guid _otherSession = Guid.NewGuid();
    private EndSessionHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _sessions.Setup(s => s.EndAsync(7, _requester.SessionId, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _sessions.Setup(s => s.EndAsync(7, _otherSession, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _handler = new EndSessionHandler(_sessions.Object, _audit);
    }

    private ValueTask<Result<SessionEnded>> End(Guid? sessionId) =>
        _handler.Handle(new EndSessionCommand(sessionId, _requester), CancellationToken.None);

    [Test]
    public async Task Ending_another_session_of_the_user_ends_it_in_the_store()
    {
        await End(_otherSession);

        _sessions.Verify(s => s.EndAsync(7, _otherSession, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Ending_another_session_says_it_was_not_the_current_one()
    {
        var result = await End(_otherSession);

        Assert.That(result.Value, Is.EqualTo(new SessionEnded(WasCurrent: false)));
    }

    [Test]
    public async Task Ending_another_session_records_SessionEnded_and_nothing_else()
    {
        await End(_otherSession);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.SessionEnded(7) }));
    }

    [Test]
    public async Task Ending_the_requesters_own_session_says_it_was_the_current_one()
    {
        var result = await End(_requester.SessionId);

        Assert.That(result.Value, Is.EqualTo(new SessionEnded(WasCurrent: true)));
    }

    [Test]
    public async Task Ending_the_requesters_own_session_records_LoggedOut_and_nothing_else()
    {
        await End(_requester.SessionId);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoggedOut(7) }));
    }

    [Test]
    public async Task Ending_a_session_the_store_does_not_have_for_the_user_returns_NoSuchSession_and_records_nothing()
    {
        var result = await End(Guid.NewGuid());

        Assert.That(result.Error, Is.SameAs(EndSessionHandler.NoSuchSession));
        Assert.That(_audit.Events, Is.Empty);
    }

    [Test]
    public async Task Ending_a_session_without_a_well_formed_id_returns_NoSuchSession_without_asking_the_store()
    {
        var result = await End(null);

        Assert.That(result.Error, Is.SameAs(EndSessionHandler.NoSuchSession));
        _sessions.Verify(s => s.EndAsync(It.IsAny<int>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_audit.Events, Is.Empty);
    }

    [Test]
    public void NoSuchSession_is_a_NotFound_error_that_says_something()
    {
        Assert.That(EndSessionHandler.NoSuchSession.Kind, Is.EqualTo(ErrorKind.NotFound));
        Assert.That(EndSessionHandler.NoSuchSession.Message, Is.Not.Empty); // the wording is not part of the contract
    }

    [Test]
    public void End_session_is_an_authenticated_request()
    {
        Assert.That(new EndSessionCommand(Guid.NewGuid(), null), Is.InstanceOf<IAuthenticatedRequest>());
    }
}
