namespace DoubleDibz.Application.Common.Mail;

/// <summary>What an e-mailed token may do; a token of one purpose never serves another (stored as its number).</summary>
public enum AccountTokenPurpose
{
    ConfirmEmail = 1,
    ResetPassword = 2,
    ChangeEmail = 3,
}
