using DoubleDibz.Application.Admin.RevokeSessions;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.UnitTests.TestData;
using Moq;

namespace DoubleDibz.UnitTests.Admin.RevokeSessions;

public class RevokeSessionsHandlerTests
{
    private readonly RecordingAuditLog _audit = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<ISessionStore> _sessions = new();

    [Test]
    public async Task Revoking_an_unknown_user_returns_NotFound()
    {
        var result = await new RevokeSessionsHandler(_users.Object, _sessions.Object, _audit)
            .Handle(new RevokeSessionsCommand("ghost"), CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.NotFound));
    }

    [Test]
    public async Task Revoking_a_user_ends_all_of_their_sessions()
    {
        var sam = A.User();
        _users.Setup(u => u.FindByLoginAsync("spchuang", It.IsAny<CancellationToken>())).ReturnsAsync(sam);
        _sessions.Setup(s => s.EndAllAsync(sam.Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(2);

        var result = await new RevokeSessionsHandler(_users.Object, _sessions.Object, _audit)
            .Handle(new RevokeSessionsCommand(" spchuang "), CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo(2));
    }

    [Test]
    public async Task Revoking_a_user_records_SessionsRevoked_with_how_many_and_nothing_else()
    {
        var sam = A.User(id: 7);
        _users.Setup(u => u.FindByLoginAsync("spchuang", It.IsAny<CancellationToken>())).ReturnsAsync(sam);
        _sessions.Setup(s => s.EndAllAsync(7, null, It.IsAny<CancellationToken>())).ReturnsAsync(2);

        await new RevokeSessionsHandler(_users.Object, _sessions.Object, _audit).Handle(new RevokeSessionsCommand("spchuang"), CancellationToken.None);

        Assert.That(_audit.Events, Is.EqualTo(new AuditEvent[] { new AuditEvent.SessionsRevoked(7, 2) }));
    }

    [Test]
    public async Task Revoking_an_unknown_user_names_the_trimmed_login_revokes_nothing_and_records_nothing()
    {
        var result = await new RevokeSessionsHandler(_users.Object, _sessions.Object, _audit)
            .Handle(new RevokeSessionsCommand(" ghost "), CancellationToken.None);

        Assert.That(result.Error.Message, Does.Contain("'ghost'"));
        _sessions.Verify(s => s.EndAllAsync(It.IsAny<int>(), It.IsAny<Guid?>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_audit.Events, Is.Empty);
    }
}
