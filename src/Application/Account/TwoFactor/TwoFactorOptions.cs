namespace DoubleDibz.Application.Account.TwoFactor;

/// <summary>Two-factor sign-in settings (section <c>TwoFactor</c>).</summary>
public sealed class TwoFactorOptions
{
    public const string SectionName = "TwoFactor";

    /// <summary>How long a pending sign-in (right password, code still due) waits for its code.</summary>
    public TimeSpan PendingSignInLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Codes a pending sign-in may try; after that many wrong ones it ends and the password is asked again.</summary>
    public int MaxCodesPerSignIn { get; set; } = 5;

    /// <summary>The issuer shown in the authenticator app (and the label's prefix in the otpauth URI).</summary>
    public const string Issuer = "DoubleDibz";
}
