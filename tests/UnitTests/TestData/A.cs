using DoubleDibz.Application.Common.Audit;
using DoubleDibz.Application.Common.Ports;
using DoubleDibz.Application.Auth.Login;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using DoubleDibz.Application.Auth.Signup;
using DoubleDibz.Application.Common.Sessions;
using DoubleDibz.Application.Common.Users;
using Mapster;
using MapsterMapper;
using DoubleDibz.Domain.Users;
using Hash = DoubleDibz.Domain.Users.PasswordHash;
using Account = DoubleDibz.Domain.Users.User;

namespace DoubleDibz.UnitTests.TestData;

/// <summary>Test data with sensible defaults: <c>A.User()</c>, <c>A.Signup() with { Email = ... }</c>.</summary>
public static class A
{
    /// <summary>An Argon2id PHC string (16 zero bytes of salt, 32 bytes of 7) with today's parameters, or others.</summary>
    public static PasswordHash PasswordHash(int memoryKiB = 19456, int iterations = 2) =>
        Hash.FromEncoded($"$argon2id$v=19$m={memoryKiB},t={iterations},p=1$AAAAAAAAAAAAAAAAAAAAAA$BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc").Value;

    public static Account User(string userName = "spchuang", string email = "test@gmail.com", int id = 1)
    {
        var user = Account.Register(
            UserName.Create(userName).Value,
            PersonName.Create("Sam").Value,
            PersonName.Create("Chuang").Value,
            EmailAddress.Create(email).Value,
            PasswordHash(),
            new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        typeof(Account).GetProperty(nameof(Account.Id))!.SetValue(user, id); // as the store would
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

    public static IssuedSession IssuedSession() => new("token-value", CookieExpiresAt: null);
}

/// <summary>Meters without a host, for constructing collaborators that count.</summary>
public sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
{
    public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options) => new(options);

    public void Dispose()
    {
    }
}
