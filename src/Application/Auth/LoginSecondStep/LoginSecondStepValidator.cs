using DoubleDibz.Domain.Users;
using FluentValidation;

namespace DoubleDibz.Application.Auth.LoginSecondStep;

/// <summary>
/// One of the two fields, not both. Only with a pending sign-in and without a session: without one the answer is
/// 401 (the contract's "as for verify_auth") whatever the body says.
/// </summary>
public sealed class LoginSecondStepValidator : AbstractValidator<LoginSecondStepCommand>
{
    public const string OneOfTheTwo = "Send either the code or a recovery code, not both";

    public LoginSecondStepValidator()
    {
        When(c => c.Requester is null && c.PendingToken is not null, () =>
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage(UserErrors.Required).When(c => string.IsNullOrEmpty(c.RecoveryCode));
            RuleFor(c => c.Code).Empty().WithMessage(OneOfTheTwo).When(c => !string.IsNullOrEmpty(c.RecoveryCode));
        });
    }
}
