using DoubleDibz.Application.Auth.Logout;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Auth.Logout;

public class LogoutHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<ISessionStore> _sessions = new();

    [Test]
    public async Task Logout_ends_the_requesters_session_on_the_server()
    {
        var session = A.Session(userId: 7);

        var result = await new LogoutHandler(_sessions.Object, _audit).Handle(new LogoutCommand(session), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        _sessions.Verify(s => s.EndAsync(7, session.SessionId, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Logout_is_an_authenticated_request()
    {
        Assert.That(new LogoutCommand(null), Is.InstanceOf<IAuthenticatedRequest>());
    }

    [Test]
    public async Task Logout_records_LoggedOut_for_the_requesters_user_and_nothing_else()
    {
        await new LogoutHandler(_sessions.Object, _audit).Handle(new LogoutCommand(A.Session(userId: 7)), CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoggedOut(7) }));
    }
}
