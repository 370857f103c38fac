using DoubleDibz.Infrastructure.Passwords;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Infrastructure.Health;

/// <summary>
/// Not ready while the password hasher is wedged (callers waiting, nothing finished for
/// <see cref="Argon2Options.StallTimeout"/>): every login and signup would wait or answer 503 until a restart, so
/// the orchestrator should restart the instance.
/// </summary>
public sealed class PasswordHasherHealthCheck(Argon2idPasswordHasher hasher, IOptions<Argon2Options> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(hasher.IsStalled(options.Value.StallTimeout)
            ? HealthCheckResult.Unhealthy("The password hasher has finished nothing while callers waited.")
            : HealthCheckResult.Healthy());
}
