using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DoubleDibz.IntegrationTests.Support;

/// <summary>
/// The real service on Kestrel at 127.0.0.1 (an ephemeral port) with its own SQLite file. Two hosts given the
/// same <see cref="DatabaseFile"/> behave like a restart, or like two instances sharing one database.
/// </summary>
public sealed class ApiHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsDatabase;

    public ApiHost(
        string? databaseFile = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _ownsDatabase = databaseFile is null;
        DatabaseFile = databaseFile ?? NewDatabaseFile();
        // Per-client limits are off unless a test turns them on (as the contract allows for tests): many tests
        // come from one address in a short time. The per-account login back-off is always on.
        _settings = new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _settings["ConnectionStrings:Default"] = $"Data Source={DatabaseFile}";
        _services = services;

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        try
        {
            StartServer();
        }
        catch when (_ownsDatabase)
        {
            DeleteDatabase(DatabaseFile); // a host that failed to start still leaves no file behind
            throw;
        }

        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public string DatabaseFile { get; }

    public Uri BaseAddress { get; }

    /// <summary>Every line the service logged, formatted, for checks that secrets never reach a log.</summary>
    public LogCapture Logs { get; } = new();

    public static string NewDatabaseFile() => Path.Combine(Path.GetTempPath(), $"doubledibz-test-{Guid.NewGuid():N}.db");

    public ApiClient NewClient() => new(BaseAddress);

    public static void DeleteDatabase(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            DeleteDatabase(DatabaseFile);
        }
    }
}
