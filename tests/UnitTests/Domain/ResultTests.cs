using DoubleDibz.Domain.Common;

namespace DoubleDibz.UnitTests.Domain;

public class ResultTests
{
    private readonly Error _taken = Error.Conflict("taken");

    [Test]
    public void A_success_holds_its_value_and_no_failure_kind()
    {
        var result = Result<int>.Success(42);

        Assert.That((result.IsSuccess, result.Value, result.FailureKind), Is.EqualTo((true, 42, (ErrorKind?)null)));
    }

    [Test]
    public void A_failure_holds_its_error_and_its_kind()
    {
        var result = Result<int>.Failure(_taken);

        Assert.That((result.IsSuccess, result.Error, result.FailureKind), Is.EqualTo((false, _taken, (ErrorKind?)ErrorKind.Conflict)));
    }

    [Test]
    public void The_value_of_a_failure_throws_naming_the_kind()
    {
        var result = Result<int>.Failure(_taken);

        Assert.That(() => result.Value, Throws.InvalidOperationException.With.Message.Contains("Conflict"));
    }

    [Test]
    public void The_error_of_a_success_throws_with_a_message()
    {
        var result = Result<int>.Success(42);

        Assert.That(() => result.Error, Throws.InvalidOperationException.With.Message.Not.Empty);
    }

    [Test]
    public void A_value_converts_to_a_success()
    {
        Result<string> result = "done";

        Assert.That((result.IsSuccess, result.Value), Is.EqualTo((true, "done")));
    }

    [Test]
    public void An_error_converts_to_a_failure()
    {
        Result<string> result = _taken;

        Assert.That(result.Error, Is.SameAs(_taken));
    }

    [Test]
    public void Match_on_a_success_calls_only_the_success_branch_with_the_value()
    {
        var matched = Result<int>.Success(42).Match(v => $"value {v}", e => $"error {e.Kind}");

        Assert.That(matched, Is.EqualTo("value 42"));
    }

    [Test]
    public void Match_on_a_failure_calls_only_the_failure_branch_with_the_error()
    {
        var matched = Result<int>.Failure(_taken).Match(v => $"value {v}", e => $"error {e.Kind}");

        Assert.That(matched, Is.EqualTo("error Conflict"));
    }

    [Test]
    public void A_failure_can_be_built_from_the_type_alone_for_generic_code()
    {
        var result = Fail<Result<int>>(_taken);

        Assert.That(result.Error, Is.SameAs(_taken));
    }

    [Test]
    public void ToString_shows_success_or_the_failure_kind_but_never_the_value()
    {
        Assert.That((Result<string>.Success("secret").ToString(), Result<string>.Failure(_taken).ToString()),
            Is.EqualTo(("Success", "Failure(Conflict)")));
    }

    [Test]
    public void Generic_code_reads_the_status_without_knowing_the_value_type()
    {
        var failed = Status(Result<int>.Failure(_taken));
        var succeeded = Status(Result<int>.Success(1));

        Assert.That((failed.IsSuccess, failed.FailureKind, succeeded.IsSuccess, succeeded.FailureKind),
            Is.EqualTo((false, (ErrorKind?)ErrorKind.Conflict, true, (ErrorKind?)null)));
    }

    private static IResultStatus Status(IResultStatus result) => result;

    private static T Fail<T>(Error error)
        where T : IFailable<T> => T.Failure(error);
}
