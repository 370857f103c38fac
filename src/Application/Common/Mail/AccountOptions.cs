namespace DoubleDibz.Application.Common.Mail;

/// <summary>Section <c>Accounts</c>: the e-mail side of an account.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>When true, signup signs nobody in and a login with the right password of an unconfirmed account gets 403.</summary>
    public bool RequireConfirmedEmail { get; set; }

    /// <summary>How long a confirmation link (signup, resend, new address) works.</summary>
    public TimeSpan ConfirmEmailTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a password-reset link works.</summary>
    public TimeSpan ResetPasswordTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Mails one account (or one login typed into "forgot password") may cause before a wait; see <see cref="MailLimitOptions"/>.</summary>
    public MailLimitOptions MailLimit { get; set; } = new();
}

/// <summary>
/// The per-account limit on mails asked for (forgot password, resend confirmation): <see cref="FreeMails"/> in a row,
/// then a wait of <see cref="InitialDelay"/> that doubles up to <see cref="MaxDelay"/>; <see cref="ForgetAfter"/>
/// without a request starts the count again.
/// </summary>
public sealed class MailLimitOptions
{
    public int FreeMails { get; set; } = 3;

    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Section <c>App</c>.</summary>
public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>Where the page is served, as users reach it: every link in a message starts with it (never the request's Host header).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
}
