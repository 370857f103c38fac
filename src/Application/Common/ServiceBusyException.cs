namespace DoubleDibz.Application.Common;

/// <summary>
/// The service is at capacity (for example, the password hasher's queue is full) and refuses the work rather
/// than queue it without bound. Not a failure of the request: the host answers 503 with <see cref="RetryAfter"/>.
/// </summary>
public sealed class ServiceBusyException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
