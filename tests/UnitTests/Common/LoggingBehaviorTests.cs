using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Auth.VerifyAuth;
using DoubleDibz.Application.Common;
using DoubleDibz.Application.Common.Behaviors;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Domain.Common;
using DoubleDibz.UnitTests.TestData;
using Microsoft.Extensions.Logging;
using Moq;

namespace DoubleDibz.UnitTests.Common;

public class LoggingBehaviorTests
{
    private readonly ListLogger<LoggingBehavior<LoginCommand, Result<LoginOutcome>>> _logger = new();
    private readonly Mock<ITransientFailures> _transient = new();

    private LoggingBehavior<LoginCommand, Result<LoginOutcome>> Behavior(ILogger<LoggingBehavior<LoginCommand, Result<LoginOutcome>>>? logger = null) =>
        new(logger ?? _logger, _transient.Object);

    private Task<Result<LoginOutcome>> Run(Result<LoginOutcome> outcome) =>
        Behavior().Handle(A.Login(), (_, _) => ValueTask.FromResult(outcome), CancellationToken.None).AsTask();

    private Task<Result<LoginOutcome>> Throw(Exception exception, LoggingBehavior<LoginCommand, Result<LoginOutcome>>? behavior = null) =>
        (behavior ?? Behavior()).Handle(A.Login(), (_, _) => throw exception, CancellationToken.None).AsTask();

    [Test]
    public async Task A_command_that_fails_is_logged_at_Information_with_its_name_and_the_failure_kind()
    {
        await Run(AuthErrors.InvalidCredentials);

        var line = _logger.Lines.Single();
        Assert.That((line.Level, line["UseCase"], line["Outcome"]), Is.EqualTo((LogLevel.Information, "LoginCommand", "WrongCredentials")));
        Assert.That(line["ElapsedMs"], Is.TypeOf<double>().And.GreaterThanOrEqualTo(0));
    }

    [Test]
    public async Task A_command_that_succeeds_is_logged_with_the_outcome_Succeeded()
    {
        await Run(new LoginOutcome.AlreadyLoggedIn());

        Assert.That(_logger.Lines.Single()["Outcome"], Is.EqualTo("Succeeded"));
    }

    [Test]
    public async Task The_response_is_returned_unchanged()
    {
        Result<LoginOutcome> outcome = AuthErrors.InvalidCredentials;

        var response = await Run(outcome);

        Assert.That(response, Is.SameAs(outcome));
    }

    [Test]
    public async Task A_query_is_logged_at_Debug()
    {
        var logger = new ListLogger<LoggingBehavior<VerifyAuthQuery, Result<UserDto>>>();

        await new LoggingBehavior<VerifyAuthQuery, Result<UserDto>>(logger)
            .Handle(new VerifyAuthQuery(null), (_, _) => ValueTask.FromResult<Result<UserDto>>(AuthErrors.NotAuthorized), CancellationToken.None);

        var line = logger.Lines.Single();
        Assert.That((line.Level, line["UseCase"], line["Outcome"]), Is.EqualTo((LogLevel.Debug, "VerifyAuthQuery", "Unauthorized")));
    }

    [Test]
    public async Task Nothing_is_logged_when_the_level_is_off()
    {
        var quiet = new ListLogger<LoggingBehavior<LoginCommand, Result<LoginOutcome>>>(LogLevel.Warning);

        await Behavior(quiet).Handle(A.Login(), (_, _) => ValueTask.FromResult<Result<LoginOutcome>>(new LoginOutcome.AlreadyLoggedIn()), CancellationToken.None);

        Assert.That(quiet.Lines, Is.Empty);
    }

    [Test]
    public async Task The_log_line_never_contains_the_password()
    {
        await Run(new LoginOutcome.AlreadyLoggedIn());

        Assert.That(_logger.Lines.Select(l => l.Message), Has.None.Contains("correct horse battery"));
    }

    [Test]
    public async Task A_failing_use_case_is_logged_as_an_error_with_its_exception_and_rethrown()
    {
        var boom = new InvalidOperationException("boom");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Throw(boom));

        Assert.That(thrown, Is.SameAs(boom));
        var line = _logger.Lines.Single();
        Assert.That((line.Level, line["UseCase"], line.Exception), Is.EqualTo((LogLevel.Error, "LoginCommand", (Exception)boom)));
    }

    [Test]
    public async Task A_busy_service_is_logged_at_Debug_as_Busy_and_rethrown()
    {
        await Assert.ThrowsAsync<ServiceBusyException>(() => Throw(new ServiceBusyException("busy", TimeSpan.FromSeconds(1))));

        var line = _logger.Lines.Single();
        Assert.That((line.Level, line["Outcome"]), Is.EqualTo((LogLevel.Debug, "Busy")));
    }

    [Test]
    public async Task A_busy_service_writes_nothing_when_Debug_is_off()
    {
        var quiet = new ListLogger<LoggingBehavior<LoginCommand, Result<LoginOutcome>>>(LogLevel.Information);

        await Assert.ThrowsAsync<ServiceBusyException>(() => Throw(new ServiceBusyException("busy", TimeSpan.FromSeconds(1)), Behavior(quiet)));

        Assert.That(quiet.Lines, Is.Empty);
    }

    [Test]
    public async Task A_transient_failure_is_logged_at_Debug_as_Unavailable_and_rethrown()
    {
        var outage = new TimeoutException("database down");
        _transient.Setup(t => t.IsTransient(outage)).Returns(true);

        await Assert.ThrowsAsync<TimeoutException>(() => Throw(outage));

        var line = _logger.Lines.Single();
        Assert.That((line.Level, line["Outcome"]), Is.EqualTo((LogLevel.Debug, "Unavailable")));
    }

    [Test]
    public async Task A_transient_failure_writes_nothing_when_Debug_is_off()
    {
        var outage = new TimeoutException("database down");
        _transient.Setup(t => t.IsTransient(outage)).Returns(true);
        var quiet = new ListLogger<LoggingBehavior<LoginCommand, Result<LoginOutcome>>>(LogLevel.Information);

        await Assert.ThrowsAsync<TimeoutException>(() => Throw(outage, Behavior(quiet)));

        Assert.That(quiet.Lines, Is.Empty);
    }

    [Test]
    public async Task A_cancelled_use_case_is_rethrown_without_a_line_even_if_it_looks_transient()
    {
        var cancelled = new OperationCanceledException();
        _transient.Setup(t => t.IsTransient(cancelled)).Returns(true);

        await Assert.ThrowsAsync<OperationCanceledException>(() => Throw(cancelled));

        Assert.That(_logger.Lines, Is.Empty);
    }

    [Test]
    public async Task Without_a_transient_failure_check_every_exception_is_an_error()
    {
        var behavior = new LoggingBehavior<LoginCommand, Result<LoginOutcome>>(_logger);

        await Assert.ThrowsAsync<TimeoutException>(() => Throw(new TimeoutException("database down"), behavior));

        Assert.That(_logger.Lines.Single().Level, Is.EqualTo(LogLevel.Error));
    }
}
