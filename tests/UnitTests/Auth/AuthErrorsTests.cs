using DoubleDibz.Application.Auth;
using DoubleDibz.Domain.Common;

namespace DoubleDibz.UnitTests.Auth;

public class AuthErrorsTests
{
    [Test]
    public void Too_many_attempts_rounds_the_wait_up_to_whole_seconds_and_keeps_the_exact_wait()
    {
        var error = AuthErrors.TooManyAttempts(TimeSpan.FromSeconds(59.2));

        Assert.That((error.Kind, error.Message, error.RetryAfter),
            Is.EqualTo((ErrorKind.TooManyAttempts, "Too many failed logins, try again in 60 seconds", (TimeSpan?)TimeSpan.FromSeconds(59.2))));
    }

    [Test]
    public void Unknown_login_and_wrong_password_share_one_error_that_names_neither()
    {
        Assert.That((AuthErrors.InvalidCredentials.Kind, AuthErrors.InvalidCredentials.Message),
            Is.EqualTo((ErrorKind.WrongCredentials, "Invalid username or password")));
    }

    [Test]
    public void Not_authorized_is_the_originals_message()
    {
        Assert.That((AuthErrors.NotAuthorized.Kind, AuthErrors.NotAuthorized.Message), Is.EqualTo((ErrorKind.Unauthorized, "You're not authorized!")));
    }
}
