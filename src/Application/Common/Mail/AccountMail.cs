using System.Net;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Users;
using Microsoft.Extensions.Options;

namespace DoubleDibz.Application.Common.Mail;

/// <summary>
/// The account's e-mails: issues the token a message links to and queues the message in the outbox, both staged in
/// the command's unit of work. Links start with <see cref="AppOptions.PublicBaseUrl"/>, never with the request's Host
/// header; every user-supplied value is HTML-encoded in the HTML part.
/// </summary>
public sealed class AccountMail(IAccountTokenStore tokens, IMailOutbox outbox, IOptions<AccountOptions> accounts, IOptions<AppOptions> app)
{
    private readonly string _baseUrl = app.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>A link that confirms the user's current address (signup, "send again"); older ones stop working.</summary>
    public void SendConfirmation(User user)
    {
        var token = tokens.Issue(user.Id, AccountTokenPurpose.ConfirmEmail, newEmail: null, accounts.Value.ConfirmEmailTokenLifetime);
        var link = Link("confirm-email", token);
        outbox.Enqueue(Compose(
            user.Email.Value,
            "Confirm your e-mail address",
            user,
            "Please confirm that this is your e-mail address for DoubleDibz by opening this link:",
            link,
            $"The link works for {Describe(accounts.Value.ConfirmEmailTokenLifetime)}. If you did not sign up, you can ignore this message."));
    }

    /// <summary>A link to the new address that makes it the user's; the old address is told at once.</summary>
    public void SendAddressChange(User user, EmailAddress newEmail)
    {
        var token = tokens.Issue(user.Id, AccountTokenPurpose.ChangeEmail, newEmail, accounts.Value.ConfirmEmailTokenLifetime);
        outbox.Enqueue(Compose(
            newEmail.Value,
            "Confirm your new e-mail address",
            user,
            "You asked to use this address for your DoubleDibz account. Open this link to confirm it:",
            Link("confirm-email", token),
            $"The link works for {Describe(accounts.Value.ConfirmEmailTokenLifetime)}. Until then your account keeps its old address. If you did not ask for this, ignore this message."));
        outbox.Enqueue(Compose(
            user.Email.Value,
            "Your e-mail address is being changed",
            user,
            $"Someone signed in to your DoubleDibz account asked to change its e-mail address to {newEmail.Value}. It changes only when a link sent to that address is opened.",
            link: null,
            "If this was not you, change your password now: that ends every session and voids the link."));
    }

    /// <summary>A link that sets a new password; older reset links stop working.</summary>
    public void SendPasswordReset(User user)
    {
        var token = tokens.Issue(user.Id, AccountTokenPurpose.ResetPassword, newEmail: null, accounts.Value.ResetPasswordTokenLifetime);
        outbox.Enqueue(Compose(
            user.Email.Value,
            "Reset your password",
            user,
            "Someone asked to reset the password of your DoubleDibz account. To choose a new password, open this link:",
            Link("reset-password", token),
            $"The link works for {Describe(accounts.Value.ResetPasswordTokenLifetime)} and only once. If you did not ask for it, ignore this message: your password stays as it is."));
    }

    private string Link(string page, string token) => $"{_baseUrl}/{page}?token={Uri.EscapeDataString(token)}";

    private static string Describe(TimeSpan lifetime) =>
        lifetime.TotalHours >= 1 && lifetime.TotalHours == Math.Floor(lifetime.TotalHours)
            ? Count(lifetime.TotalHours, "hour")
            : Count(Math.Ceiling(lifetime.TotalMinutes), "minute");

    private static string Count(double whole, string unit) => whole == 1 ? $"1 {unit}" : $"{whole:0} {unit}s";

    private static OutgoingMail Compose(string to, string subject, User user, string intro, string? link, string outro)
    {
        var greeting = $"Hello {user.FirstName.Value},";
        var text = link is null
            ? $"{greeting}\n\n{intro}\n\n{outro}\n\n-- DoubleDibz\n"
            : $"{greeting}\n\n{intro}\n\n{link}\n\n{outro}\n\n-- DoubleDibz\n";
        var linkHtml = link is null ? string.Empty
            : $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(subject)}</title></head>
            <body><p>{WebUtility.HtmlEncode(greeting)}</p><p>{WebUtility.HtmlEncode(intro)}</p>{linkHtml}<p>{WebUtility.HtmlEncode(outro)}</p><p>&mdash; DoubleDibz</p></body></html>
            """;
        return new OutgoingMail(to, subject, text, html);
    }
}
