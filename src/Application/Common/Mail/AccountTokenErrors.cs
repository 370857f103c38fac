using DoubleDibz.Domain.Common;

namespace DoubleDibz.Application.Common.Mail;

public static class AccountTokenErrors
{
    /// <summary>One message for a token that is unknown, used, expired or of another purpose: none of that is told apart.</summary>
    public const string InvalidLink = "This link is invalid or has expired";

    public static readonly Error InvalidToken = Error.Validation(new Dictionary<string, IReadOnlyList<string>> { ["Token"] = [InvalidLink] });
}
