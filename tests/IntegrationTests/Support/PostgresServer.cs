using System.Diagnostics;
using Npgsql;

namespace DoubleDibz.IntegrationTests.Support;

/// <summary>
/// A throw-away PostgreSQL server from Debian's <c>postgresql</c> package (installed by <c>./test.sh</c>): a new
/// cluster in a temporary folder, listening on 127.0.0.1 at a free port, removed on dispose. As root it runs as
/// the <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string Superuser = "doubledibz";
    private readonly string _folder;
    private readonly string _bin;

    private PostgresServer(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_folder, "data");

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Max()
            : null;
        Assert.That(bin, Is.Not.Null, "PostgreSQL is missing: run ./test.sh, which installs Debian's postgresql");

        var folder = Directory.CreateTempSubdirectory("doubledibz-pg-").FullName;
        var server = new PostgresServer(folder, bin!, FreeTcpPort.Next());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "-R", "postgres:postgres", folder);
        }

        await server.AsServerUserAsync("initdb", "-D", server.DataDirectory, "-U", Superuser, "-A", "trust", "--no-sync", "-E", "UTF8");
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Stops the server as an operator would for maintenance (<c>pg_ctl stop -m fast</c>): open connections are cut.</summary>
    public Task StopAsync() => AsServerUserAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");

    /// <summary>Starts the (stopped) server again, on the same port, and waits until it accepts connections.</summary>
    public Task StartAgainAsync() => AsServerUserAsync(
        "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_folder, "server.log"), "-w", "-o",
        $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start");

    /// <summary>Creates a new, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"dd_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        AsServerUserAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop").GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={Superuser};Database={database};Maximum Pool Size=50";

    private Task AsServerUserAsync(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        return Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(path, args);
    }

    // Output goes to a file, not a pipe: the server that pg_ctl starts inherits its handles and would hold a
    // pipe open for as long as it runs.
    private static async Task RunAsync(string file, params string[] args)
    {
        var log = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("sh") { UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("exec \"$0\" \"$@\" >\"$LOG\" 2>&1 </dev/null");
            start.ArgumentList.Add(file);
            args.ToList().ForEach(start.ArgumentList.Add);
            start.Environment["LOG"] = log;
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await File.ReadAllTextAsync(log)}");
            }
        }
        finally
        {
            File.Delete(log);
        }
    }
}
