using DoubleDibz.Application.Account;
using DoubleDibz.Application.Account.TwoFactor;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Behaviors;
using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Passwords;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Application.Auth.Login;
using DoubleDibz.Application.Common.Users;
using FluentValidation;
using Mapster;
using MapsterMapper;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DoubleDibz.Application;

public static class DependencyInjection
{
    /// <summary>
    /// What runs around every use case, outermost first: log it; refuse an anonymous caller of an authenticated
    /// request (401 before any field is looked at); validate the fields (422); then the handler, whose staged changes
    /// a command commits as one unit of work.
    /// </summary>
    public static readonly IReadOnlyList<Type> PipelineBehaviors =
    [
        typeof(LoggingBehavior<,>),
        typeof(AuthorizationBehavior<,>),
        typeof(ValidationBehavior<,>),
        typeof(UnitOfWorkBehavior<,>),
    ];

    /// <summary>
    /// Registers the use cases' collaborators: the pipeline behaviors (in <see cref="PipelineBehaviors"/> order),
    /// validators, the password policy, mapping and options. The mediator itself (the handlers) is generated and
    /// registered in the host, because the Mediator source generator must run in the outermost project.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var behavior in PipelineBehaviors)
        {
            services.AddScoped(typeof(IPipelineBehavior<,>), behavior);
        }

        services.AddScoped<CommandNesting>();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        services.AddSingleton<PasswordPolicy>();
        services.AddOptions<PasswordPolicyOptions>()
            .Bind(configuration.GetSection(PasswordPolicyOptions.SectionName))
            .Validate(o => o.MinLength >= 1 && o.MaxLength >= o.MinLength, "PasswordPolicy needs 1 <= MinLength <= MaxLength.")
            .ValidateOnStart();
        services.AddOptions<SessionOptions>()
            .Bind(configuration.GetSection(SessionOptions.SectionName))
            .Validate(
                o => o.IdleTimeout > TimeSpan.Zero && o.RememberMeIdleTimeout > TimeSpan.Zero && o.TouchInterval >= TimeSpan.Zero && o.TouchInterval < o.IdleTimeout
                     && o.AbsoluteLifetime > TimeSpan.Zero && o.RememberMeAbsoluteLifetime > TimeSpan.Zero && o.RotationGracePeriod >= TimeSpan.Zero && o.MaxPerUser >= 1,
                "Sessions needs positive IdleTimeout, RememberMeIdleTimeout, AbsoluteLifetime and RememberMeAbsoluteLifetime, 0 <= TouchInterval < IdleTimeout, RotationGracePeriod >= 0 and MaxPerUser >= 1.")
            .ValidateOnStart();

        services.AddOptions<LoginBackoffOptions>()
            .Bind(configuration.GetSection(LoginBackoffOptions.SectionName))
            .Validate(
                o => o.FreeFailures >= 1 && o.InitialDelay > TimeSpan.Zero && o.MaxDelay >= o.InitialDelay && o.ForgetAfter > TimeSpan.Zero,
                "LoginBackoff needs FreeFailures >= 1, 0 < InitialDelay <= MaxDelay and a positive ForgetAfter.")
            .ValidateOnStart();
        services.AddScoped<LoginThrottle>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<UserRegistration>();
        services.AddOptions<TwoFactorOptions>()
            .Bind(configuration.GetSection(TwoFactorOptions.SectionName))
            .Validate(o => o.PendingSignInLifetime > TimeSpan.Zero && o.MaxCodesPerSignIn >= 1, "TwoFactor needs a positive PendingSignInLifetime and MaxCodesPerSignIn >= 1.")
            .ValidateOnStart();
        services.AddScoped<RecoveryCodes>();
        services.AddScoped<SecondFactorCheck>();
        services.AddScoped<SecondFactorBackoff>();

        // E-mail: confirmation, forgotten password, change of address.
        services.AddOptions<AccountOptions>()
            .Bind(configuration.GetSection(AccountOptions.SectionName))
            .Validate(
                o => o.ConfirmEmailTokenLifetime > TimeSpan.Zero && o.ResetPasswordTokenLifetime > TimeSpan.Zero && o.MailLimit.FreeMails >= 1
                     && o.MailLimit.InitialDelay > TimeSpan.Zero && o.MailLimit.MaxDelay >= o.MailLimit.InitialDelay && o.MailLimit.ForgetAfter > TimeSpan.Zero,
                "Accounts needs positive ConfirmEmailTokenLifetime and ResetPasswordTokenLifetime, MailLimit:FreeMails >= 1, 0 < MailLimit:InitialDelay <= MailLimit:MaxDelay and a positive MailLimit:ForgetAfter.")
            .ValidateOnStart();
        services.AddOptions<AppOptions>()
            .Bind(configuration.GetSection(AppOptions.SectionName))
            .Validate(
                o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment),
                "App:PublicBaseUrl must be an absolute http(s) URL without query or fragment, e.g. https://auth.example.com.")
            .ValidateOnStart();
        services.AddScoped<MailThrottle>();
        services.AddScoped<AccountMail>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddSingleton(sp => new RepeatedEventLimiter(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AuthMetrics>();

        var mapping = UserMapping.Configure(new TypeAdapterConfig());
        mapping.Compile();
        services.AddSingleton(mapping);
        services.AddSingleton<IMapper>(sp => new Mapper(sp.GetRequiredService<TypeAdapterConfig>()));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
