using DoubleDibz.Application.Common.Mail;
using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Auth.Login;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using DoubleDibz.Application.Auth.Signup;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Application.Common.Users;
using DoubleDibz.Application.Account;
using DoubleDibz.Application.Account.TwoFactor;
using DoubleDibz.Application.Account.ChangeEmail;
using DoubleDibz.Application.Account.ChangePassword;
using DoubleDibz.Application.Account.DeleteAccount;
using DoubleDibz.Application.Account.UpdateProfile;
using DoubleDibz.Application.Common.Passwords;
using Moq;
using Mapster;
using MapsterMapper;
using DoubleDibz.Domain.Users;
using Hash = DoubleDibz.Domain.Users.PasswordHash;
using DomainUser = DoubleDibz.Domain.Users.User;

namespace DoubleDibz.UnitTests.TestData;

/// <summary>Test data with sensible defaults: <c>A.User()</c>, <c>A.Signup() with { Email = ... }</c>.</summary>
public static class A
{
    /// <summary>An Argon2id PHC string (16 zero bytes of salt, 32 bytes of 7) with today's parameters, or others.</summary>
    public static PasswordHash PasswordHash(int memoryKiB = 19456, int iterations = 2) =>
        Hash.FromEncoded($"$argon2id$v=19$m={memoryKiB},t={iterations},p=1$AAAAAAAAAAAAAAAAAAAAAA$BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc").Value;

    public static DomainUser User(string userName = "spchuang", string email = "test@gmail.com", int id = 1)
    {
        var user = DomainUser.Register(
            UserName.Create(userName).Value,
            PersonName.Create("Sam").Value,
            PersonName.Create("Chuang").Value,
            EmailAddress.Create(email).Value,
            PasswordHash(),
            new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        typeof(DomainUser).GetProperty(nameof(DomainUser.Id))!.SetValue(user, id); // as the store would
        return user;
    }

    /// <summary>Turns two-factor sign-in on for <paramref name="user"/>: protected secret "protected(SECRET)", last step 100, two recovery-code hashes.</summary>
    public static DomainUser WithTwoFactor(DomainUser user, long lastStep = 100)
    {
        user.BeginTwoFactorSetup("protected(SECRET)");
        user.EnableTwoFactor(lastStep, ["hash-1", "hash-2"]);
        return user;
    }

    public static SignupCommand Signup() =>
        new("spchuang", "Sam", "Chuang", "test@gmail.com", "correct horse battery", "correct horse battery", Requester: null);

    public static LoginCommand Login() => new("spchuang", "correct horse battery", RememberMe: false, Requester: null);

    public static CurrentSession Session(int userId = 1) => new(Guid.CreateVersion7(), userId);

    /// <summary>The application's real user mapping.</summary>
    public static IMapper Mapper() => new MapsterMapper.Mapper(UserMapping.Configure(new TypeAdapterConfig()));


    public static LoginThrottle LoginThrottle(ILoginAttemptStore store, TimeProvider? clock = null) =>
        new(store, Options.Create(new LoginBackoffOptions()), clock ?? TimeProvider.System);

    public static SecondFactorBackoff SecondFactorBackoff(ILoginAttemptStore store, IAuditLog audit) => new(LoginThrottle(store), audit);

    public static IssuedSession IssuedSession() => new("token-value", CookieExpiresAt: null);

    /// <summary>The default policy (8–128 characters) with no common passwords, or with the ones given.</summary>
    public static PasswordPolicy PasswordPolicy(params string[] commonPasswords)
    {
        var common = new Mock<ICommonPasswords>();
        common.Setup(c => c.Contains(It.IsIn(commonPasswords))).Returns(true);
        return new(Options.Create(new PasswordPolicyOptions()), common.Object);
    }

    public static PasswordCheck PasswordCheck(IPasswordHasher hasher, ILoginAttemptStore attempts, IAuditLog audit, TimeProvider? clock = null) =>
        new(hasher, LoginThrottle(attempts, clock), audit);

    public static ChangePasswordCommand ChangePassword(CurrentSession? requester = null) =>
        new("correct horse battery", "a new horse battery", "a new horse battery", requester ?? Session());

    public static ChangeEmailCommand ChangeEmail(CurrentSession? requester = null) =>
        new("correct horse battery", "new@example.com", requester ?? Session());

    public static DeleteAccountCommand DeleteAccount(CurrentSession? requester = null) => new("correct horse battery", requester ?? Session());

    public static UpdateProfileCommand UpdateProfile(CurrentSession? requester = null) => new("Samuel", "Chang", requester ?? Session());

    public static SessionSummary SessionSummary(Guid? id = null) => new(
        id ?? Guid.CreateVersion7(),
        new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 12, 30, 12, 0, 0, TimeSpan.Zero),
        Persistent: false,
        UserAgent: "Mozilla/5.0",
        ClientAddress: "203.0.113.7");

    public static Microsoft.Extensions.Options.IOptions<AccountOptions> AccountOptions(bool requireConfirmedEmail = false) =>
        Microsoft.Extensions.Options.Options.Create(new AccountOptions { RequireConfirmedEmail = requireConfirmedEmail });

    /// <summary>A token store that issues the token "raw-token" for every purpose.</summary>
    public static Moq.Mock<IAccountTokenStore> TokenStore()
    {
        var tokens = new Moq.Mock<IAccountTokenStore>();
        tokens.Setup(t => t.Issue(Moq.It.IsAny<int>(), Moq.It.IsAny<AccountTokenPurpose>(), Moq.It.IsAny<DoubleDibz.Domain.Users.EmailAddress?>(), Moq.It.IsAny<TimeSpan>())).Returns("raw-token");
        return tokens;
    }

    /// <summary>The account's mails over the given token store and outbox (mocks by default), links from http://localhost:5000.</summary>
    public static AccountMail AccountMail(IAccountTokenStore? tokens = null, IMailOutbox? outbox = null, bool requireConfirmedEmail = false) =>
        new(tokens ?? TokenStore().Object, outbox ?? new Moq.Mock<IMailOutbox>().Object,
            AccountOptions(requireConfirmedEmail), Microsoft.Extensions.Options.Options.Create(new AppOptions()));
}

/// <summary>Meters without a host, for constructing collaborators that count.</summary>
public sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
{
    public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options) => new(options);

    public void Dispose()
    {
    }

}
