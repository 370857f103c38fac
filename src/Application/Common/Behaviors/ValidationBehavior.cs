using DoubleDibz.Domain.Common;
using FluentValidation;
using Mediator;

namespace DoubleDibz.Application.Common.Behaviors;

/// <summary>
/// Runs every validator of a message before its handler. Failures become a validation <see cref="Error"/>
/// (field name to messages, every failing field listed) and the handler is never called.
/// <para>
/// First, for every message, each of its text fields must be <see cref="WellFormedText"/>: a rule no use case can
/// forget, and one the validators may then rely on (normalising a password cannot throw after it).
/// </para>
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators.ToArray();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (TextFields<TMessage>.FindMalformed(message) is { } malformed)
        {
            return FailureOf<TResponse>.Create(Error.Validation(malformed));
        }

        if (_validators.Length == 0)
        {
            return await next(message, cancellationToken);
        }

        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            foreach (var failure in result.Errors)
            {
                if (!fields.TryGetValue(failure.PropertyName, out var messages))
                {
                    fields[failure.PropertyName] = messages = [];
                }

                messages.Add(failure.ErrorMessage);
            }
        }

        if (fields.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        var error = Error.Validation(fields.ToDictionary(f => f.Key, IReadOnlyList<string> (f) => f.Value, StringComparer.Ordinal));
        return FailureOf<TResponse>.Create(error);
    }
}

/// <summary>Builds a failed <typeparamref name="TResponse"/> for responses that implement <see cref="IFailable{TSelf}"/>.</summary>
internal static class FailureOf<TResponse>
{
    private static readonly Func<Error, TResponse>? Factory = CreateFactory();

    public static TResponse Create(Error error) => Factory is not null
        ? Factory(error)
        : throw new InvalidOperationException(
            $"{typeof(TResponse).Name} cannot carry a validation failure; handlers with validators must return Result<T>.");

    private static Func<Error, TResponse>? CreateFactory()
    {
        var failable = typeof(TResponse).GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IFailable<>) && i.GenericTypeArguments[0] == typeof(TResponse));
        if (failable is null)
        {
            return null;
        }

        var method = typeof(TResponse).GetMethod(nameof(IFailable<TResponse>.Failure), [typeof(Error)])!;
        return method.CreateDelegate<Func<Error, TResponse>>();
    }
}

/// <summary>The text (string) properties of <typeparamref name="TMessage"/>, found once per message type.</summary>
internal static class TextFields<TMessage>
{
    private static readonly (string Name, Func<TMessage, string?> Read)[] Fields = typeof(TMessage)
        .GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0 && p.GetMethod is not null)
        .Select(p => (p.Name, p.GetMethod!.CreateDelegate<Func<TMessage, string?>>()))
        .ToArray();

    /// <summary>Each field whose value is not well-formed text, with its message; null when all are.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>>? FindMalformed(TMessage message)
    {
        Dictionary<string, IReadOnlyList<string>>? malformed = null;
        foreach (var (name, read) in Fields)
        {
            if (read(message) is { } value && !WellFormedText.IsWellFormed(value))
            {
                (malformed ??= new(StringComparer.Ordinal))[name] = [WellFormedText.Message];
            }
        }

        return malformed;
    }
}
