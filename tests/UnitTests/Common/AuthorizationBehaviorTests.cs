using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Auth.Logout;
using DoubleDibz.Application.Common.Behaviors;
using DoubleDibz.Domain.Common;
using DoubleDibz.UnitTests.TestData;
using Mediator;

namespace DoubleDibz.UnitTests.Common;

public class AuthorizationBehaviorTests
{
    private int _handlerCalls;

    [Test]
    public async Task An_authenticated_request_without_a_session_returns_NotAuthorized_and_never_reaches_the_handler()
    {
        var result = await new AuthorizationBehavior<LogoutCommand, Result<Unit>>().Handle(new LogoutCommand(null), Handler<Unit>, CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.NotAuthorized));
        Assert.That(_handlerCalls, Is.Zero);
    }

    [Test]
    public async Task An_authenticated_request_with_a_session_reaches_the_handler()
    {
        var result = await new AuthorizationBehavior<LogoutCommand, Result<Unit>>().Handle(new LogoutCommand(A.Session()), Handler<Unit>, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(_handlerCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_request_whose_session_is_optional_reaches_the_handler_without_one()
    {
        var result = await new AuthorizationBehavior<LoginCommand, Result<LoginOutcome>>()
            .Handle(A.Login(), (_, _) => { _handlerCalls++; return ValueTask.FromResult<Result<LoginOutcome>>(new LoginOutcome.AlreadyLoggedIn()); }, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(_handlerCalls, Is.EqualTo(1));
    }

    private ValueTask<Result<T>> Handler<T>(IMessage message, CancellationToken ct)
        where T : struct
    {
        _handlerCalls++;
        return ValueTask.FromResult(Result<T>.Success(default));
    }
}
