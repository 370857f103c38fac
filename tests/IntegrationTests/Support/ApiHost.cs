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
/// It runs as in production (environment <c>Production</c>) except that cookies follow the request's scheme
/// (<c>Cookies:Secure=SameAsRequest</c>), because the tests speak plain HTTP; a test may set it back.
/// With <c>Metrics:Port</c> in the settings, that port is bound too (on 127.0.0.1), as <see cref="ManagementAddress"/>.
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
        _settings = new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false", ["Cookies:Secure"] = "SameAsRequest" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _settings["ConnectionStrings:Default"] = $"Data Source={DatabaseFile}";

        // Each host has its own pickup folder (unless a test sets one, or SMTP), so a test reads only its own mail.
        _settings.TryAdd("Email:PickupDirectory", DatabaseFile + "-mail");
        PickupDirectory = _settings["Email:PickupDirectory"];
        _services = services;

        // Binding in code replaces the configured addresses, the one the service adds for its metrics included.
        int? managementPort = _settings.TryGetValue("Metrics:Port", out var port) && port is not null ? int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) : null;
        UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            if (managementPort is { } management)
            {
                kestrel.Listen(IPAddress.Loopback, management);
            }
        });
        try
        {
            StartServer();
        }
        catch when (_ownsDatabase)
        {
            DeleteDatabase(DatabaseFile); // a host that failed to start still leaves no file behind
            throw;
        }

        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        BaseAddress = addresses.First(a => a.Port != managementPort);
        ManagementAddress = managementPort is null ? null : addresses.Single(a => a.Port == managementPort);
    }

    public string DatabaseFile { get; }

    /// <summary>Where the service writes mail as <c>.eml</c> files when no SMTP host is set.</summary>
    public string? PickupDirectory { get; }

    public Mailbox Mailbox => new(PickupDirectory ?? throw new InvalidOperationException("This host has no pickup folder."));

    public Uri BaseAddress { get; }

    /// <summary>The metrics port's address, when the settings gave one (<c>Metrics:Port</c>).</summary>
    public Uri? ManagementAddress { get; }

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
        // A null value leaves the setting to the product's default (e.g. Cookies:Secure as in production).
        foreach (var (key, value) in _settings.Where(s => s.Value is not null))
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
            if (PickupDirectory == DatabaseFile + "-mail" && Directory.Exists(PickupDirectory))
            {
                Directory.Delete(PickupDirectory, recursive: true);
            }
        }
    }
}
