using System.Text.Json;
using DoubleDibz.Domain.Common;
using DoubleDibz.WebApi.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DoubleDibz.IntegrationTests.Http;

/// <summary>Every kind of expected failure a use case can return has its status and type: none can become a 500.</summary>
public class ErrorStatusTests
{
    private static readonly Dictionary<ErrorKind, (int Status, string Type)> Expected = new()
    {
        [ErrorKind.Validation] = (422, "Form validation error"),
        [ErrorKind.WrongCredentials] = (422, "Wrong Authentication"),
        [ErrorKind.Conflict] = (409, "Conflict"),
        [ErrorKind.Unauthorized] = (401, "Unauthorized"),
        [ErrorKind.NotFound] = (404, "Not Found"),
        [ErrorKind.TooManyAttempts] = (429, "Too Many Requests"),
        [ErrorKind.TwoFactorRequired] = (401, "Two-factor required"),
        [ErrorKind.EmailNotConfirmed] = (403, "Email not confirmed"),
    };

    private static IEnumerable<ErrorKind> EveryKind => Enum.GetValues<ErrorKind>();

    [TestCaseSource(nameof(EveryKind))]
    public async Task Each_error_kind_maps_to_its_status_and_type(ErrorKind kind)
    {
        Assert.That(Expected.ContainsKey(kind), Is.True, $"{kind} has no status in the contract's table; add it to ApiResults.Failure and here");
        using var services = new ServiceCollection().AddLogging().ConfigureHttpJsonOptions(_ => { }).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        await ApiResults.Failure(new Error(kind, "what went wrong") { RetryAfter = TimeSpan.FromSeconds(3) }).ExecuteAsync(context);

        context.Response.Body.Position = 0;
        var body = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.That(context.Response.StatusCode, Is.EqualTo(Expected[kind].Status));
        Assert.That(body.RootElement.GetProperty("errors").GetProperty("type").GetString(), Is.EqualTo(Expected[kind].Type));
    }
}
