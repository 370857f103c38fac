using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Operations;

/// <summary>
/// The service as an operator starts it: its own process, no configuration at all, launched from an empty
/// folder. It must create and migrate its SQLite file there and answer the contract over real HTTP.
/// </summary>
public class ServiceProcessTests
{
    private string _folder = null!;
    private ServiceProcess _service = null!;
    private Uri _address = null!;

    [OneTimeSetUp]
    public async Task StartService()
    {
        _folder = Directory.CreateTempSubdirectory("doubledibz-process-").FullName;
        _service = await ServiceProcess.StartAsync(_folder);
        _address = _service.Address;
    }

    [OneTimeTearDown]
    public void StopService()
    {
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
}
