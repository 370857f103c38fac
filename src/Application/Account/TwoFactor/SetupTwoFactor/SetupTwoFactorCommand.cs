using System.Text;
using DoubleDibz.Application.Common.Authorization;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Domain.Common;
using Mediator;

namespace DoubleDibz.Application.Account.TwoFactor.SetupTwoFactor;

/// <summary>
/// Start setting up two-factor sign-in, confirmed with the password: a new authenticator secret, shown once (as text,
/// as an otpauth URI and as a QR code of it). Nothing is enforced until a code from it enables it.
/// </summary>
public sealed record SetupTwoFactorCommand(string? Password, CurrentSession? Requester) : ICommand<Result<TwoFactorSetup>>, IAuthenticatedRequest
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Password = [redacted], UserId = ").Append(Requester?.UserId);
        return true;
    }
}

/// <param name="Secret">Base32, for typing into the app by hand.</param>
/// <param name="OtpauthUri">What the QR code holds.</param>
/// <param name="QrSvg">The QR code of <paramref name="OtpauthUri"/> as an SVG document (drawn here, no outside service).</param>
public sealed record TwoFactorSetup(string Secret, string OtpauthUri, string QrSvg)
{
    // A stray ToString() must not print the secret.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Secret = [redacted], OtpauthUri = [redacted], QrSvg length = ").Append(QrSvg.Length);
        return true;
    }
}
