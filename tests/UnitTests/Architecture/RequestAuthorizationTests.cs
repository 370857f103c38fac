using System.Reflection;
using DoubleDibz.Application;
using DoubleDibz.Application.Auth.Signup;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Behaviors;
using Mediator;

namespace DoubleDibz.UnitTests.Architecture;

/// <summary>
/// Who may send what: every request that carries a session says whether it needs one, the account's use cases all
/// do, and the authorization behavior runs before validation and the unit of work.
/// </summary>
public class RequestAuthorizationTests
{
    private static readonly Assembly Application = typeof(SignupCommand).Assembly;

    private static IEnumerable<Type> Messages() =>
        Application.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t));

    private static bool Implements<TInterface>(Type type) => typeof(TInterface).IsAssignableFrom(type);

    [Test]
    public void Every_message_with_a_Requester_says_whether_it_needs_a_session_exactly_once()
    {
        var withRequester = Messages().Where(t => t.GetProperty("Requester") is not null).ToList();

        var undecided =
            from type in withRequester
            let declared = (Implements<IAuthenticatedRequest>(type) ? 1 : 0) + (Implements<ISessionOptionalRequest>(type) ? 1 : 0)
            where declared != 1
            select $"{type.FullName} implements {(declared == 0 ? "neither" : "both")} of IAuthenticatedRequest and ISessionOptionalRequest";

        Assert.That(withRequester, Is.Not.Empty, "no message with a Requester was found: the rule checks nothing");
        Assert.That(undecided, Is.Empty);
    }

    [Test]
    public void Every_account_message_is_an_authenticated_request()
    {
        var accountMessages = Messages().Where(t => t.Namespace?.StartsWith("DoubleDibz.Application.Account.", StringComparison.Ordinal) == true).ToList();

        var open =
            from type in accountMessages
            where !Implements<IAuthenticatedRequest>(type)
            select $"{type.FullName} is not an IAuthenticatedRequest";

        Assert.That(accountMessages, Is.Not.Empty, "no message in DoubleDibz.Application.Account.* was found: the rule checks nothing");
        Assert.That(open, Is.Empty);
    }

    [Test]
    public void The_pipeline_runs_logging_then_authorization_then_validation_then_the_unit_of_work()
    {
        Type[] expected = [typeof(LoggingBehavior<,>), typeof(AuthorizationBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)];

        Assert.That(DependencyInjection.PipelineBehaviors, Is.EqualTo(expected),
            $"pipeline is {string.Join(" → ", DependencyInjection.PipelineBehaviors.Select(b => b.Name))}");
    }
}
