using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Domain.Common;
using DoubleDibz.Domain.Users;

namespace DoubleDibz.Application.Common.Users;

/// <summary>
/// Creates and stores an account from fields a <see cref="NewUserValidator"/> has accepted: refuses a taken user
/// name or e-mail (also when a concurrent registration wins the race), hashes the password, and writes the account in
/// the command's unit of work, so the new user has its id.
/// </summary>
public sealed class UserRegistration(IUserRepository users, IUnitOfWork unitOfWork, IPasswordHasher passwordHasher, TimeProvider clock)
{
    public async Task<Result<User>> RegisterAsync(INewUserFields fields, string password, Role role, CancellationToken cancellationToken)
    {
        // The validator has already accepted every field, so these cannot fail here.
        var userName = Domain.Users.UserName.Create(fields.UserName).Value;
        var email = EmailAddress.Create(fields.Email).Value;

        if (await users.UserNameExistsAsync(userName, cancellationToken))
        {
            return UserErrors.UserNameTaken;
        }

        if (await users.EmailExistsAsync(email, cancellationToken))
        {
            return UserErrors.EmailTaken;
        }

        var user = User.Register(
            userName,
            PersonName.Create(fields.FirstName).Value,
            PersonName.Create(fields.LastName).Value,
            email,
            await passwordHasher.HashAsync(password, cancellationToken),
            clock.GetUtcNow(),
            role);
        users.Add(user);

        // A concurrent registration of the same name or e-mail can still win the race; the write reports it as a conflict.
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? user : saved.Error;
    }
}
