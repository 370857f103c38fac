using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Infrastructure.AccountTokens;
using DoubleDibz.Infrastructure.Mail;
using DoubleDibz.Infrastructure.Health;
using DoubleDibz.Infrastructure.Maintenance;
using DoubleDibz.Infrastructure.Passwords;
using DoubleDibz.Infrastructure.Persistence;
using DoubleDibz.Infrastructure.Security;
using DoubleDibz.Infrastructure.Sessions;
using DoubleDibz.Infrastructure.Throttling;
using DoubleDibz.Infrastructure.TwoFactor;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DoubleDibz.Infrastructure;

public static class DependencyInjection
{
    public const string DefaultConnectionString = "Data Source=App_Data/doubledibz.db";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        AddDatabase(services, configuration);
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<UnitOfWork>());
        services.AddScoped<IDatabaseSchema, DatabaseSchema>();
        services.AddSingleton<ITransientFailures, TransientDatabaseFailures>();
        services.AddScoped<ISessionStore, SessionStore>();
        services.AddScoped<SessionUsers>();
        services.AddScoped<ILoginAttemptStore, LoginAttemptStore>();
        services.AddSingleton<IKeyedHasher, HmacKeyedHasher>();
        services.AddScoped<IPendingSignInStore, PendingSignInStore>();
        services.AddSingleton<IAuthenticatorCodes, TotpAuthenticatorCodes>();
        services.AddSingleton<ITwoFactorSecretProtection, DataProtectionTwoFactorSecrets>();
        services.AddSingleton<IQrCodes, SvgQrCodes>();
        services.AddScoped<ExpiredRowCleanup>();
        services.AddHostedService<ExpiredRowSweeper>();
        services.AddOptions<MaintenanceOptions>()
            .Bind(configuration.GetSection(MaintenanceOptions.SectionName))
            .Validate(o => o.SweepInterval > TimeSpan.Zero && o.BatchPause >= TimeSpan.Zero && o.BusyShare is > 0 and <= 1,
                "Maintenance:SweepInterval must be positive (e.g. 00:10:00), Maintenance:BatchPause not negative, and Maintenance:BusyShare above 0 and at most 1 (e.g. 0.25).")
            .ValidateOnStart();
        services.AddHostedService<ActiveSessionGauge>();
        AddMail(services, configuration);

        // Like Database:Provider, an unknown engine stops start-up at once, naming the setting.
        var engine = configuration[$"{Argon2Options.SectionName}:{nameof(Argon2Options.Engine)}"];
        var engineName = Argon2Engines.Recognize(engine) ?? throw Argon2Engines.UnknownEngine(engine);
        services.AddOptions<Argon2Options>()
            .Bind(configuration.GetSection(Argon2Options.SectionName))
            .Validate(
                o => o.Parallelism >= 1 && o.Iterations >= 1 && o.MemoryKiB >= 8 * o.Parallelism
                     && o.MaxConcurrentHashes >= 1 && o.MaxQueuedHashes >= 0 && o.StallTimeout > TimeSpan.Zero
                     && o.RefusalDelay >= TimeSpan.Zero && o.RefusalDelay <= TimeSpan.FromSeconds(5) && o.MaxHeldRefusals >= 0,
                "PasswordHashing needs Parallelism >= 1, Iterations >= 1, MemoryKiB >= 8 x Parallelism, MaxConcurrentHashes >= 1, MaxQueuedHashes >= 0, a positive StallTimeout, 0 <= RefusalDelay <= 5 s and MaxHeldRefusals >= 0.")
            .Validate(
                o => engineName != Argon2Engines.Libsodium || LibsodiumArgon2Engine.Supports(new Argon2Parameters(o.MemoryKiB, o.Iterations, o.Parallelism), 16, 32),
                "PasswordHashing:Engine 'Libsodium' computes only Parallelism 1 and MemoryKiB up to 2097151; set PasswordHashing:Parallelism to 1 or use the Konscious engine.")
            .ValidateOnStart();
        services.AddSingleton(_ => Argon2Engines.Create(engineName));
        services.AddSingleton<Argon2idPasswordHasher>();
        services.AddSingleton<IPasswordHasher>(sp => sp.GetRequiredService<Argon2idPasswordHasher>());
        services.AddSingleton<ICommonPasswords, CommonPasswordList>();

        // Keys in the database: every instance sharing it can read what another protected (CSRF tokens).
        services.AddDataProtection().SetApplicationName("DoubleDibz").PersistKeysToDbContext<AppDbContext>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<PasswordHasherHealthCheck>("password-hasher", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// E-mail: tokens, the outbox and its background sender, and the transport: SMTP when <c>Email:Smtp:Host</c> is set,
    /// else <c>.eml</c> files in the pickup folder (by default <c>App_Data/mail</c> beside the SQLite database).
    /// </summary>
    private static void AddMail(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IAccountTokenStore, AccountTokenStore>();
        services.AddScoped<IMailOutbox, MailOutbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<OutboxDelivery>();
        services.AddHostedService<OutboxSender>();
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.SectionName))
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "Email:From must be an address, e.g. 'DoubleDibz <no-reply@example.com>'.")
            .Validate(
                o => o.Outbox.PollInterval > TimeSpan.Zero && o.Outbox.BatchSize >= 1 && o.Outbox.ClaimLease > o.Smtp.Timeout && o.Outbox.MaxAttempts >= 1
                     && o.Outbox.RetryBaseDelay > TimeSpan.Zero && o.Outbox.RetryMaxDelay >= o.Outbox.RetryBaseDelay && o.Outbox.KeepDeadFor > TimeSpan.Zero && o.Smtp.Timeout > TimeSpan.Zero && o.Smtp.Port is >= 0 and <= 65535,
                "Email needs a positive Outbox:PollInterval, Outbox:BatchSize >= 1, Outbox:ClaimLease longer than Smtp:Timeout, Outbox:MaxAttempts >= 1, 0 < Outbox:RetryBaseDelay <= Outbox:RetryMaxDelay, a positive Outbox:KeepDeadFor, a positive Smtp:Timeout and Smtp:Port 0-65535.")
            .ValidateOnStart();

        var smtpHost = configuration[$"{EmailOptions.SectionName}:Smtp:Host"];
        if (!string.IsNullOrWhiteSpace(smtpHost))
        {
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
            return;
        }

        var directory = configuration[$"{EmailOptions.SectionName}:{nameof(EmailOptions.PickupDirectory)}"];
        var contentRoot = configuration[HostDefaults.ContentRootKey] ?? AppContext.BaseDirectory;
        if (string.IsNullOrWhiteSpace(directory))
        {
            var provider = configuration["Database:Provider"] ?? "Sqlite";
            var database = provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)
                ? new SqliteConnectionStringBuilder(ResolveSqlite(configuration.GetConnectionString("Default"), contentRoot)).DataSource
                : null;
            directory = database is { Length: > 0 } && Path.IsPathRooted(database)
                ? Path.Combine(Path.GetDirectoryName(database)!, "mail")
                : Path.Combine(contentRoot, "App_Data", "mail");
        }
        else if (!Path.IsPathRooted(directory))
        {
            directory = Path.GetFullPath(Path.Combine(contentRoot, directory));
        }

        services.AddSingleton<IMailTransport>(sp => new PickupDirectoryTransport(directory, sp.GetRequiredService<ILogger<PickupDirectoryTransport>>()));
    }

    /// <summary>
    /// <c>Database:Provider</c> picks the provider: <c>Sqlite</c> (default; an embedded file, nothing to set up) or
    /// <c>Postgres</c> (<c>ConnectionStrings:Default</c> required). Both run the same model; each has its migrations.
    /// Contexts are pooled: building a context and its options took a quarter of a verify_auth request's time
    /// (docs/performance.md, "Where a request's time goes").
    /// </summary>
    private static void AddDatabase(IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var configured = configuration.GetConnectionString("Default");
        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = ResolveSqlite(configured, configuration[HostDefaults.ContentRootKey]);
            var sqlite = configuration.GetSection(SqliteSettings.SectionName).Get<SqliteSettings>() ?? new();
            if (sqlite.BusyTimeout <= TimeSpan.Zero)
            {
                throw new InvalidOperationException("Sqlite:BusyTimeout must be positive, e.g. 00:00:05.");
            }

            var commandTimeoutSeconds = (int)Math.Ceiling(sqlite.BusyTimeout.TotalSeconds);
            services.AddDbContextPool<AppDbContext, SqliteAppDbContext>(o => o
                .UseSqlite(connectionString, options => options.CommandTimeout(commandTimeoutSeconds))
                .AddInterceptors(new SqlitePragmas(sqlite.BusyTimeout))
                .ConfigureWarnings(QuietOnDatabaseErrors));
        }
        else if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Default is empty; set it, e.g. 'Host=db;Database=doubledibz;Username=app;Password=...'.");
            }

            services.AddDbContextPool<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(configured).ConfigureWarnings(QuietOnDatabaseErrors));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use 'Sqlite' or 'Postgres'.");
        }
    }

    /// <summary>
    /// EF Core logs every failed connection, command, query and save at Error level with a stack trace: in a
    /// database outage, several lines for every request. The failure reaches the host anyway, which logs a bug
    /// once with its correlation id and a transient outage once per minute with a count; so EF's own lines go to Debug.
    /// </summary>
    private static void QuietOnDatabaseErrors(WarningsConfigurationBuilder warnings) => warnings.Log(
        (RelationalEventId.ConnectionError, LogLevel.Debug),
        (RelationalEventId.CommandError, LogLevel.Debug),
        (RelationalEventId.TransactionError, LogLevel.Debug),
        (CoreEventId.QueryIterationFailed, LogLevel.Debug),
        (CoreEventId.SaveChangesFailed, LogLevel.Debug));

    /// <summary>
    /// A relative SQLite file is placed under the content root (not the working directory), and its folder is
    /// created, so the service starts with no set-up from wherever it is launched.
    /// </summary>
    internal static string ResolveSqlite(string? configured, string? contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        var dataSource = builder.DataSource;
        var isFile = dataSource.Length > 0 && dataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory
            && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        if (isFile)
        {
            if (!Path.IsPathRooted(dataSource))
            {
                builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot ?? AppContext.BaseDirectory, dataSource));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
