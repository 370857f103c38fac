using DoubleDibz.Application.Auth.Signup;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.WebApi.Endpoints;
using DoubleDibz.WebApi.Endpoints.Account;
using DoubleDibz.WebApi.Endpoints.Auth;
using DoubleDibz.WebApi.Http;
using DoubleDibz.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Scalar.AspNetCore;

namespace DoubleDibz.WebApi;

public static class DependencyInjection
{
    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        // Scoped, because behaviors take scoped validators and handlers take the scoped DbContext. The behaviors and
        // their order are the Application's (AddApplication registers them).
        services.AddMediator((MediatorOptions o) =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.Assemblies = [typeof(SignupCommand)];
        });
        services.AddHttpContextAccessor();
        services.AddScoped<IRequestOrigin, HttpRequestOrigin>();

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.PropertyNameCaseInsensitive = true;
            o.SerializerOptions.Converters.Add(new FlexibleBooleanConverter());
        });

        // Development (plain http://localhost) defaults to SameAsRequest; everywhere else cookies are Secure and
        // __Host- prefixed unless configured otherwise. The default is set first, so configuration overrides it.
        services.AddOptions<CookieSettings>()
            .Configure<IHostEnvironment>((cookies, environment) =>
                cookies.Secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always)
            .Bind(configuration.GetSection(CookieSettings.SectionName));
        services.AddSingleton<SessionCookie>();
        services.AddSingleton<DeviceCookie>();
        services.AddSingleton<PendingSignInCookie>();
        services.AddSingleton<CsrfTokens>();
        services.AddSingleton<SpaPage>();
        services.AddSingleton<RefusalHold>();
        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddClientRateLimits(configuration);
        services.AddMetricsExport(configuration);
        services.AddReverseProxySupport(configuration);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "DoubleDibz auth API";
            document.Info.Description = "Sign up, log in, verify and log out; manage your password, sessions, profile and account. Every POST, PATCH and DELETE needs the X-CSRF-Token header (GET /api/auth/csrf).";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>The request pipeline, outermost first.</summary>
    public static WebApplication UseWebApi(this WebApplication app)
    {
        app.UseMetricsPort(); // the management port's requests end there
        app.UseReverseProxySupport();
        app.UseMiddleware<RequestContextMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // only ever sent over HTTPS
        }

        app.UseMiddleware<ErrorEnvelopeMiddleware>();
        app.UseStatusCodePages(context =>
        {
            // Framework-made errors (404, 405, 413, 415...) under /api get the envelope; pages keep theirs.
            var http = context.HttpContext;
            return http.Request.Path.StartsWithSegments("/api")
                ? ApiResults.Error(http.Response.StatusCode, ErrorTypes.DefaultMessage(http.Response.StatusCode)).ExecuteAsync(http)
                : Task.CompletedTask;
        });
        app.UseRouting();
        app.UseMiddleware<HashingAdmissionMiddleware>();
        app.UseClientRateLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<BodyRulesMiddleware>();
        app.UseMiddleware<CsrfMiddleware>();

        app.MapAuthEndpoints();
        app.MapAccountEndpoints();
        app.MapSiteEndpoints();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference(); // interactive API reference at /scalar/v1
        }

        app.UseSinglePageApp();
        return app;
    }
}
