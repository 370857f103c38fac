// ASP.NET Core Identity as it comes out of the box, for bench/run.sh to compare against DoubleDibz's verify_auth:
// AddIdentityApiEndpoints + EF Core stores on a SQLite file, cookie sign-in (POST /login?useCookies=true), and
// GET /manage/info as the cookie-authenticated "who am I". Run with --urls and ConnectionStrings__Default.
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddDbContext<IdentityHostDbContext>(o =>
    o.UseSqlite(builder.Configuration.GetConnectionString("Default") ?? "Data Source=identity-bench.db"));
builder.Services.AddAuthorization();
builder.Services.AddIdentityApiEndpoints<IdentityUser>().AddEntityFrameworkStores<IdentityHostDbContext>();

var app = builder.Build();
using (var scope = app.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<IdentityHostDbContext>().Database.EnsureCreated();
}

app.MapGet("/healthz", () => "ok");
app.MapIdentityApi<IdentityUser>();
app.Run();

internal sealed class IdentityHostDbContext(DbContextOptions<IdentityHostDbContext> options) : IdentityDbContext<IdentityUser>(options);
