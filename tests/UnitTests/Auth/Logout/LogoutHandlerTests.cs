using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Logout;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Auth.Logout;

public class LogoutHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<ISessionStore> _sessions = new();

    [Test]
    public async Task Logout_revokes_the_requesters_session_on_the_server()
    {
        var session = A.Session();

        var result = await new LogoutHandler(_sessions.Object, _audit).Handle(new LogoutCommand(session), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        _sessions.Verify(s => s.RevokeAsync(session, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Logout_without_a_session_returns_NotAuthorized()
    {
        var result = await new LogoutHandler(_sessions.Object, _audit).Handle(new LogoutCommand(null), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
        _sessions.Verify(s => s.RevokeAsync(It.IsAny<CurrentSession>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Logout_records_LoggedOut_for_the_requesters_user_and_nothing_else()
    {
        await new LogoutHandler(_sessions.Object, _audit).Handle(new LogoutCommand(A.Session(userId: 7)), CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.LoggedOut(7) }));
    }

    [Test]
    public async Task Logout_without_a_session_records_nothing()
    {
        await new LogoutHandler(_sessions.Object, _audit).Handle(new LogoutCommand(null), CancellationToken.None);

        Assert.That(_audit.Events, Is.Empty);
    }
}
