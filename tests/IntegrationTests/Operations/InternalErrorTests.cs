using System.Net;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Users;
using DoubleDibz.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DoubleDibz.IntegrationTests.Operations;

/// <summary>A bug (here: a repository that throws) gives a generic 500 and a correlation id, never internals.</summary>
public class InternalErrorTests
{
    private ApiHost _host = null!;

    [OneTimeSetUp]
    public void StartHost() => _host = new ApiHost(services: s => s.AddScoped<IUserRepository, BrokenUserRepository>());

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    [Test]
    public async Task A_500_carries_a_generic_message_and_a_correlation_id_but_no_internals()
    {
        using var client = _host.NewClient();

        var response = await client.SignupAsync(SignupForm.Valid());

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(response.ErrorType, Is.EqualTo("Internal Server Error"));
        Assert.That(response.Error.GetProperty("message").GetString(), Is.EqualTo("An unexpected error occurred."));
        Assert.That(response.Error.GetProperty("more info").GetString(), Does.StartWith("correlation id "));
        Assert.That(response.Body, Does.Not.Contain("Exception").And.Not.Contain(" at ").And.Not.Contain("/work").And.Not.Contain("SELECT"));
    }

    [Test]
    public async Task The_exception_goes_to_the_log_under_the_correlation_id()
    {
        using var client = _host.NewClient();

        var response = await client.SignupAsync(SignupForm.Valid());

        var correlationId = response.Error.GetProperty("more info").GetString()!["correlation id ".Length..];
        Assert.That(_host.Logs.Lines, Has.Some.Contains(correlationId).And.Contains("database is on fire"));
    }

    private sealed class BrokenUserRepository : IUserRepository
    {
        public Task<User?> FindByIdAsync(int id, CancellationToken cancellationToken) => throw Failure();

        public Task<User?> ReadByIdAsync(int id, CancellationToken cancellationToken) => throw Failure();

        public Task<User?> FindByLoginAsync(string login, CancellationToken cancellationToken) => throw Failure();

        public Task<bool> UserNameExistsAsync(UserName userName, CancellationToken cancellationToken) => throw Failure();

        public Task<bool> EmailExistsAsync(EmailAddress email, CancellationToken cancellationToken) => throw Failure();

        public Task<int> CountAsync(CancellationToken cancellationToken) => throw Failure();

        public Task<IReadOnlyList<User>> ListAsync(int limit, CancellationToken cancellationToken) => throw Failure();

        public void Add(User user) => throw Failure();

        public void Remove(User user) => throw Failure();

        private static InvalidOperationException Failure() => new("The database is on fire at /work/secret/path.db");
    }
}
