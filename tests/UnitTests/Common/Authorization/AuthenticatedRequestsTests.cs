using DoubleDibz.Application.Account.ListSessions;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.UnitTests.TestData;

namespace DoubleDibz.UnitTests.Common.Authorization;

public class AuthenticatedRequestsTests
{
    [Test]
    public void SignedIn_gives_the_requester_of_a_request_that_came_with_a_session()
    {
        var session = A.Session(userId: 7);

        Assert.That(new ListSessionsQuery(session).SignedIn(), Is.SameAs(session));
    }

    [Test]
    public void SignedIn_on_a_request_without_a_session_throws_naming_the_request()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ListSessionsQuery(null).SignedIn());

        Assert.That(error.Message, Does.Contain(nameof(ListSessionsQuery)));
    }
}
