using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Behaviors;
using DoubleDibz.Domain.Common;
using DoubleDibz.UnitTests.TestData;
using FluentValidation;

namespace DoubleDibz.UnitTests.Common;

public class ValidationBehaviorTests
{
    private readonly ValidationBehavior<LoginCommand, Result<LoginOutcome>> _behavior = new([new LoginValidator()]);
    private int _handlerCalls;

    private ValueTask<Result<LoginOutcome>> Handler(LoginCommand command, CancellationToken ct)
    {
        _handlerCalls++;
        return ValueTask.FromResult<Result<LoginOutcome>>(new LoginOutcome.AlreadyLoggedIn());
    }

    [Test]
    public async Task An_invalid_message_returns_a_validation_error_with_every_failing_field()
    {
        var result = await _behavior.Handle(new LoginCommand(null, null, false, null), Handler, CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.Validation));
        Assert.That(result.Error.Fields.Keys, Is.EquivalentTo(new[] { "Login", "Password" }));
    }

    [Test]
    public async Task An_invalid_message_never_reaches_the_handler()
    {
        await _behavior.Handle(new LoginCommand(null, null, false, null), Handler, CancellationToken.None);

        Assert.That(_handlerCalls, Is.Zero);
    }

    [Test]
    public async Task A_valid_message_reaches_the_handler_once()
    {
        var result = await _behavior.Handle(A.Login(), Handler, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(_handlerCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_message_without_validators_passes_straight_through()
    {
        var behavior = new ValidationBehavior<LoginCommand, Result<LoginOutcome>>(Array.Empty<IValidator<LoginCommand>>());

        await behavior.Handle(new LoginCommand(null, null, false, null), Handler, CancellationToken.None);

        Assert.That(_handlerCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_text_field_that_is_not_well_formed_is_named_with_its_message_and_never_reaches_the_handler()
    {
        var behavior = new ValidationBehavior<LoginCommand, Result<LoginOutcome>>(Array.Empty<IValidator<LoginCommand>>());

        var result = await behavior.Handle(new LoginCommand("sam", "pass\uFFFEword", false, null), Handler, CancellationToken.None);

        Assert.That(result.Error.Fields.Keys, Is.EquivalentTo(new[] { "Password" }));
        Assert.That(result.Error.Fields["Password"], Is.EqualTo(new[] { WellFormedText.Message }));
        Assert.That(_handlerCalls, Is.Zero);
    }
}
