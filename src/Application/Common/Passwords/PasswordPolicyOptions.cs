namespace DoubleDibz.Application.Common.Passwords;

/// <summary>Length limits for new passwords (configuration section <c>PasswordPolicy</c>), per NIST SP 800-63B.</summary>
public sealed class PasswordPolicyOptions
{
    public const string SectionName = "PasswordPolicy";

    public int MinLength { get; set; } = 8;

    public int MaxLength { get; set; } = 128;
}
