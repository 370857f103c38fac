using DoubleDibz.Application;
using DoubleDibz.Infrastructure;
using DoubleDibz.Infrastructure.Persistence;
using DoubleDibz.WebApi;
using DoubleDibz.WebApi.Cli;
using DoubleDibz.WebApi.Http;

if (AdminCli.Handles(args))
{
    return await AdminCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestBody.MaxBytes);
builder.AddShippedSettings().AddLogging().AddMetricsPort();
builder.Services
    .AddApplication(builder.Configuration)
    .AddInfrastructure(builder.Configuration)
    .AddWebApi(builder.Configuration);

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();

app.UseWebApi();

await app.RunAsync();
return 0;

/// <summary>The entry point; public so that integration tests can host it.</summary>
public partial class Program;
