using DoubleDibz.Domain.Common;

namespace DoubleDibz.UnitTests.Domain;

public class ErrorTests
{
    [Test]
    public void Each_factory_makes_its_kind_with_the_message()
    {
        var errors = new[]
        {
            Error.Invalid("a"), Error.Conflict("b"), Error.WrongCredentials("c"), Error.Unauthorized("d"), Error.NotFound("e"),
        };

        Assert.That(errors.Select(e => (e.Kind, e.Message)), Is.EqualTo(new[]
        {
            (ErrorKind.Validation, "a"), (ErrorKind.Conflict, "b"), (ErrorKind.WrongCredentials, "c"), (ErrorKind.Unauthorized, "d"), (ErrorKind.NotFound, "e"),
        }));
    }

    [Test]
    public void An_error_other_than_validation_has_no_fields_and_no_retry_time()
    {
        var error = Error.Conflict("taken");

        Assert.That(error.Fields, Is.Empty);
        Assert.That(error.RetryAfter, Is.Null);
    }

    [Test]
    public void A_validation_error_carries_its_fields_under_a_form_message()
    {
        var fields = new Dictionary<string, IReadOnlyList<string>> { ["Email"] = ["Invalid email address."] };

        var error = Error.Validation(fields);

        Assert.That((error.Kind, error.Message, error.Fields), Is.EqualTo((ErrorKind.Validation, "Form validation error", (object)fields)));
    }

    [Test]
    public void Too_many_attempts_carries_how_long_to_wait()
    {
        var error = Error.TooManyAttempts("slow down", TimeSpan.FromSeconds(30));

        Assert.That((error.Kind, error.Message, error.RetryAfter), Is.EqualTo((ErrorKind.TooManyAttempts, "slow down", (TimeSpan?)TimeSpan.FromSeconds(30))));
    }
}
