using DoubleDibz.Application.Auth;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Behaviors;
using DoubleDibz.Domain.Common;
using DoubleDibz.UnitTests.TestData;
using Microsoft.Extensions.Logging;

namespace DoubleDibz.UnitTests.Common;

public class LoggingBehaviorTests
{
    private readonly ListLogger<LoggingBehavior<LoginCommand, Result<LoginOutcome>>> _logger = new();

    private Task<Result<LoginOutcome>> Run(Result<LoginOutcome> outcome) =>
        new LoggingBehavior<LoginCommand, Result<LoginOutcome>>(_logger)
            .Handle(A.Login(), (_, _) => ValueTask.FromResult(outcome), CancellationToken.None).AsTask();

    [Test]
    public async Task A_use_case_is_logged_with_its_name_and_outcome()
    {
        await Run(AuthErrors.InvalidCredentials);

        Assert.That(_logger.Lines, Has.Exactly(1).Matches<(LogLevel Level, string Message)>(
            l => l.Level == LogLevel.Information && l.Message.StartsWith("LoginCommand finished: WrongCredentials in ", StringComparison.Ordinal)));
    }

    [Test]
    public async Task The_log_line_never_contains_the_password()
    {
        await Run(new LoginOutcome.AlreadyLoggedIn());

        Assert.That(_logger.Lines.Select(l => l.Message), Has.None.Contains("correct horse battery"));
    }

    [Test]
    public async Task A_failing_use_case_is_logged_as_an_error_and_rethrown()
    {
        var behavior = new LoggingBehavior<LoginCommand, Result<LoginOutcome>>(_logger);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await behavior.Handle(A.Login(), (_, _) => throw new InvalidOperationException("boom"), CancellationToken.None));
        Assert.That(_logger.Lines, Has.Exactly(1).Matches<(LogLevel Level, string Message)>(l => l.Level == LogLevel.Error));
    }
}
