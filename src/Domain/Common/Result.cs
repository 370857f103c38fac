namespace DoubleDibz.Domain.Common;

/// <summary>Lets generic code (such as a pipeline behavior) build a failed result of a type it only knows as a type parameter.</summary>
public interface IFailable<out TSelf>
{
    static abstract TSelf Failure(Error error);
}

/// <summary>Whether a result of any value type succeeded, for code that does not know the value type.</summary>
public interface IResultStatus
{
    bool IsSuccess { get; }

    ErrorKind? FailureKind { get; }
}

/// <summary>The outcome of an operation that can fail in an expected way: a value or an <see cref="Error"/>, never both.</summary>
public sealed class Result<T> : IFailable<Result<T>>, IResultStatus
{
    private readonly T? _value;
    private readonly Error? _error;

    private Result(T? value, Error? error)
    {
        _value = value;
        _error = error;
    }

    public bool IsSuccess => _error is null;

    public T Value => _error is null
        ? _value!
        : throw new InvalidOperationException($"A failed result has no value ({_error.Kind}).");

    public Error Error => _error ?? throw new InvalidOperationException("A successful result has no error.");

    public ErrorKind? FailureKind => _error?.Kind;

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);

    public TOut Match<TOut>(Func<T, TOut> onSuccess, Func<Error, TOut> onFailure) =>
        _error is null ? onSuccess(_value!) : onFailure(_error);

    public override string ToString() => IsSuccess ? "Success" : $"Failure({_error!.Kind})";
}
