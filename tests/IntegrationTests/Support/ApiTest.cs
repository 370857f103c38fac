namespace DoubleDibz.IntegrationTests.Support;

/// <summary>One running service per fixture; a fresh client (a new browser) per test.</summary>
public abstract class ApiTest
{
    protected ApiHost Host { get; private set; } = null!;

    protected ApiClient Client { get; private set; } = null!;

    /// <summary>Settings of the fixture's service beyond <see cref="ApiHost"/>'s defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? HostSettings => null;

    [OneTimeSetUp]
    public void StartHost() => Host = new ApiHost(settings: HostSettings);

    [OneTimeTearDown]
    public void StopHost() => Host.Dispose();

    [SetUp]
    public void NewClient() => Client = Host.NewClient();

    [TearDown]
    public void DisposeClient() => Client.Dispose();

    /// <summary>Signs up a fresh user with <see cref="Client"/> and returns the form used.</summary>
    protected async Task<SignupForm> SignedUpUserAsync(ApiClient? client = null)
    {
        var form = SignupForm.Valid();
        var response = await (client ?? Client).SignupAsync(form);
        Assert.That(response.Status, Is.EqualTo(System.Net.HttpStatusCode.Created), response.ToString());
        return form;
    }
}
