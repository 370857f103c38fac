namespace DoubleDibz.Application.Common.Ports;

/// <summary>
/// Tells a failure that will pass by itself — the database is down, restarting, unreachable or busy — from a bug.
/// The host answers the first kind with 503 and <c>Retry-After</c>, and logs it once per window, not per request.
/// </summary>
public interface ITransientFailures
{
    bool IsTransient(Exception exception);
}
