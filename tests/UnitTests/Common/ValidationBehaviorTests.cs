using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Behaviors;
using DoubleDibz.Domain.Common;
using DoubleDibz.UnitTests.TestData;
using FluentValidation;
using Mediator;

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

    [Test]
    public async Task Failures_from_every_validator_are_merged_and_a_field_keeps_each_of_its_messages_in_order()
    {
        var second = new InlineValidator<LoginCommand>();
        second.RuleFor(c => c.Login).Must(_ => false).WithMessage("second rule");
        second.RuleFor(c => c.Login).Must(_ => false).WithMessage("third rule");
        var behavior = new ValidationBehavior<LoginCommand, Result<LoginOutcome>>([new LoginValidator(), second]);

        var result = await behavior.Handle(new LoginCommand(null, "pw", false, null), Handler, CancellationToken.None);

        Assert.That(result.Error.Fields.Keys, Is.EquivalentTo(new[] { "Login" }));
        Assert.That(result.Error.Fields["Login"], Is.EqualTo(new[] { "This field is required.", "second rule", "third rule" }));
    }

    [Test]
    public async Task A_valid_message_gets_the_handlers_response()
    {
        Result<LoginOutcome> handled = new LoginOutcome.AlreadyLoggedIn();

        var result = await _behavior.Handle(A.Login(), (_, _) => ValueTask.FromResult(handled), CancellationToken.None);

        Assert.That(result, Is.SameAs(handled));
    }

    [Test]
    public async Task Text_that_is_not_well_formed_is_refused_before_validators_that_would_accept_it()
    {
        var result = await _behavior.Handle(A.Login() with { Password = "pass\u0000word" }, Handler, CancellationToken.None);

        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.Validation));
        Assert.That(result.Error.Fields.Keys, Is.EquivalentTo(new[] { "Password" }));
        Assert.That(_handlerCalls, Is.Zero);
    }

    [Test]
    public async Task Every_text_field_that_is_not_well_formed_is_listed()
    {
        var result = await _behavior.Handle(new LoginCommand("sam\uFFFF", "pass\uFFFEword", false, null), Handler, CancellationToken.None);

        Assert.That(result.Error.Fields.Keys, Is.EquivalentTo(new[] { "Login", "Password" }));
    }

    [Test]
    public async Task A_message_whose_response_cannot_carry_a_failure_makes_a_validation_failure_throw()
    {
        var validator = new InlineValidator<Shout>();
        validator.RuleFor(s => s.Text).NotEmpty();
        var behavior = new ValidationBehavior<Shout, string>([validator]);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await behavior.Handle(new Shout(""), (_, _) => ValueTask.FromResult("handled"), CancellationToken.None));

        Assert.That(thrown!.Message, Does.Contain(nameof(String)));
    }

    [Test]
    public async Task A_message_whose_response_cannot_carry_a_failure_still_reaches_its_handler_when_valid()
    {
        var behavior = new ValidationBehavior<Shout, string>([new InlineValidator<Shout>()]);

        var response = await behavior.Handle(new Shout("hey"), (_, _) => ValueTask.FromResult("handled"), CancellationToken.None);

        Assert.That(response, Is.EqualTo("handled"));
    }

    /// <summary>A message whose response is not a <see cref="Result{T}"/>.</summary>
    public sealed record Shout(string Text) : ICommand<string>;
}
