using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Operations;

/// <summary>
/// The service as an operator starts it: its own process, no configuration at all, launched from an empty
/// folder. It must create and migrate its SQLite file there and answer the contract over real HTTP.
/// </summary>
public partial class ServiceProcessTests
{
    private string _folder = null!;
    private Process _service = null!;
    private Uri _address = null!;

    [OneTimeSetUp]
    public async Task StartService()
    {
        _folder = Directory.CreateTempSubdirectory("doubledibz-process-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebApiAssembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var variable in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ConnectionStrings__Default", "ASPNETCORE_URLS" })
        {
            start.Environment.Remove(variable);
        }

        _service = Process.Start(start)!;
        _service.ErrorDataReceived += (_, _) => { };
        _service.BeginErrorReadLine();
        _address = await ListeningAddressAsync(_service, TimeSpan.FromSeconds(60));
    }

    [OneTimeTearDown]
    public void StopService()
    {
        if (!_service.HasExited)
        {
            _service.Kill(entireProcessTree: true);
            _service.WaitForExit();
        }

        _service.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void With_no_configuration_the_database_is_created_under_App_Data()
    {
        Assert.That(File.Exists(Path.Combine(_folder, "App_Data", "doubledibz.db")), Is.True);
    }

    [Test]
    public async Task With_no_configuration_the_service_signs_a_user_up_and_in()
    {
        using var client = new ApiClient(_address);

        var signup = await client.SignupAsync(SignupForm.Valid());
        var verify = await client.VerifyAuthAsync();

        Assert.That(signup.Status, Is.EqualTo(HttpStatusCode.Created), signup.ToString());
        Assert.That(verify.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Outside_Development_there_is_no_interactive_reference_page_but_the_openapi_document_is_served()
    {
        using var client = new ApiClient(_address);

        var document = await client.GetAsync("/openapi/v1.json");
        var scalar = await client.GetAsync("/scalar/v1");

        Assert.That(document.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(scalar.Body, Does.Contain("name=\"csrf-token\""), "the path falls through to the app page");
    }

    // The web project's build output, next to this repository's other projects, in the same configuration.
    private static string WebApiAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory); // tests/IntegrationTests/bin/<Config>/<tfm>/
        var configuration = testOutput.Parent!.Name;
        var framework = testOutput.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DoubleDibz.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, "src", "WebApi", "bin", configuration, framework, "DoubleDibz.WebApi.dll");
        Assert.That(File.Exists(path), Is.True, $"build the solution first: {path} is missing");
        return path;
    }

    private static async Task<Uri> ListeningAddressAsync(Process service, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await service.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                _ = service.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep draining so the pipe never fills
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"The service exited (code {service.ExitCode}) before it listened.");
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
