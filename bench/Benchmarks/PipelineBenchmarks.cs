using BenchmarkDotNet.Attributes;
using DoubleDibz.Application;
using DoubleDibz.Application.Auth.VerifyAuth;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DoubleDibz.Benchmarks;

/// <summary>
/// What the mediator pipeline (its behaviors, as <c>AddApplication</c> registers them) adds to one
/// request: verify_auth's handler called directly versus sent through the mediator in a fresh scope, as the
/// service does per request. The user store is in memory, so only the pipeline is measured.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly VerifyAuthQuery _query = new(new CurrentSession(Guid.CreateVersion7(), 1));
    private ServiceProvider _services = null!;
    private VerifyAuthHandler _handler = null!;

    [GlobalSetup]
    public void SetUp()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddApplication(configuration);
        services.AddSingleton<IUserRepository>(new OneUserRepository());
        services.AddSingleton<ICommonPasswords>(new NoCommonPasswords());
        services.AddSingleton<IUnitOfWork>(new QueriesNeverCommit());
        services.AddMediator((MediatorOptions o) =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.Assemblies = [typeof(VerifyAuthQuery)];
        });
        _services = services.BuildServiceProvider();
        _handler = ActivatorUtilities.CreateInstance<VerifyAuthHandler>(_services);
    }

    [GlobalCleanup]
    public void CleanUp() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "handler called directly")]
    public async Task<object> Direct() => await _handler.Handle(_query, CancellationToken.None);

    [Benchmark(Description = "through the mediator (scope + behaviors)")]
    public async Task<object> ThroughMediator()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(_query, CancellationToken.None);
    }

    /// <summary>The unit-of-work behavior passes queries straight through; it is only constructed.</summary>
    private sealed class QueriesNeverCommit : IUnitOfWork
    {
        public Task<Result<Unit>> SaveChangesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Result<Unit>> CommitAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RollbackAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class OneUserRepository : IUserRepository
    {
        private readonly User _user = User.Register(
            UserName.Create("spchuang").Value, PersonName.Create("Sam").Value, PersonName.Create("Chuang").Value,
            EmailAddress.Create("test@gmail.com").Value,
            PasswordHash.FromEncoded("$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").Value,
            DateTimeOffset.UnixEpoch);

        public Task<User?> FindByIdAsync(int id, CancellationToken cancellationToken) => Task.FromResult<User?>(_user);

        public Task<User?> ReadByIdAsync(int id, CancellationToken cancellationToken) => Task.FromResult<User?>(_user);

        public Task<User?> FindByLoginAsync(string login, CancellationToken cancellationToken) => Task.FromResult<User?>(_user);

        public Task<bool> UserNameExistsAsync(UserName userName, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<bool> EmailExistsAsync(EmailAddress email, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(1);

        public Task<IReadOnlyList<User>> ListAsync(int limit, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<User>>([_user]);

        public void Remove(User user) => throw new NotSupportedException();

        public void Add(User user)
        {
        }
    }

    private sealed class NoCommonPasswords : ICommonPasswords
    {
        public bool Contains(string password) => false;
    }
}
