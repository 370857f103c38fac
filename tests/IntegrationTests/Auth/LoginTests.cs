using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Auth;

public class LoginTests : ApiTest
{
    private SignupForm _user = null!;

    [OneTimeSetUp]
    public async Task CreateUser()
    {
        using var client = Host.NewClient();
        _user = await SignedUpUserAsync(client);
    }

    [Test]
    public async Task Login_with_user_name_returns_the_user_and_signs_in()
    {
        var response = await Client.LoginAsync(_user.UserName, _user.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Message, Is.EqualTo("You have successfully logged in"));
        Assert.That(response.Json.GetProperty("data").GetProperty("user_name").GetString(), Is.EqualTo(_user.UserName));
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_stores_one_more_session_and_a_wrong_password_none()
    {
        var before = DatabaseProbe.SessionCountOf(Host.DatabaseFile, _user.UserName);
        using var wrong = Host.NewClient();

        await Client.LoginAsync(_user.UserName, _user.Password);
        await wrong.LoginAsync(_user.UserName, "not the password");

        Assert.That(DatabaseProbe.SessionCountOf(Host.DatabaseFile, _user.UserName), Is.EqualTo(before + 1));
    }

    [Test]
    public async Task Login_with_email_in_another_case_signs_in()
    {
        var response = await Client.LoginAsync(_user.Email.ToUpperInvariant(), _user.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_with_user_name_in_another_case_signs_in()
    {
        var response = await Client.LoginAsync(_user.UserName.ToUpperInvariant(), _user.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_with_wrong_password_returns_WrongAuthentication()
    {
        var response = await Client.LoginAsync(_user.UserName, "not the password");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.ErrorType, Is.EqualTo("Wrong Authentication"));
        Assert.That(response.Error.GetProperty("message").GetString(), Is.EqualTo("Invalid username or password"));
        Assert.That(response.SetCookies, Has.None.StartsWith("dd_session="));
    }

    [Test]
    public async Task Login_with_unknown_user_gives_the_same_answer_as_a_wrong_password()
    {
        var wrongPassword = await Client.LoginAsync(_user.UserName, "not the password");
        var unknownUser = await Client.LoginAsync("nosuchuser", "not the password");

        Assert.That(unknownUser.Status, Is.EqualTo(wrongPassword.Status));
        Assert.That(unknownUser.Body, Is.EqualTo(wrongPassword.Body));
    }

    [Test]
    public async Task Login_with_missing_fields_returns_422_form_validation_error()
    {
        var response = await Client.PostJsonAsync("/api/auth/login", new { login = _user.UserName });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.ErrorType, Is.EqualTo("Form validation error"));
        Assert.That(response.Error.GetProperty("message").GetProperty("password")[0].GetString(), Is.EqualTo("This field is required."));
    }

    [Test]
    public async Task Login_when_already_signed_in_says_so()
    {
        await Client.LoginAsync(_user.UserName, _user.Password);

        var response = await Client.LoginAsync(_user.UserName, _user.Password);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Message, Is.EqualTo("You are already logged in"));
    }

    [Test]
    public async Task Login_issues_a_new_session_id_rather_than_adopting_one_the_client_brought()
    {
        Client.Cookies.Add(Client.BaseAddress, new Cookie("dd_session", "planted-by-an-attacker"));

        await Client.LoginAsync(_user.UserName, _user.Password);

        Assert.That(Client.SessionCookie, Is.Not.EqualTo("planted-by-an-attacker").And.Not.Null);
    }

    [Test]
    public async Task Two_logins_of_one_user_get_two_different_sessions()
    {
        using var other = Host.NewClient();

        await Client.LoginAsync(_user.UserName, _user.Password);
        await other.LoginAsync(_user.UserName, _user.Password);

        Assert.That(Client.SessionCookie, Is.Not.EqualTo(other.SessionCookie));
    }

    [TestCase("on")]
    [TestCase("y")]
    [TestCase("1")]
    [TestCase("true")]
    public async Task Form_login_with_remember_me_sets_a_persistent_cookie(string rememberMe)
    {
        var response = await Client.PostFormAsync("/api/auth/login",
            new Dictionary<string, string> { ["login"] = _user.UserName, ["password"] = _user.Password, ["remember_me"] = rememberMe });

        Assert.That(response.SetCookie("dd_session"), Does.Contain("expires=").And.Contain("max-age="));
    }

    [TestCase("off")]
    [TestCase("n")]
    [TestCase("0")]
    [TestCase("false")]
    public async Task Form_login_without_remember_me_sets_a_browser_session_cookie(string rememberMe)
    {
        var response = await Client.PostFormAsync("/api/auth/login",
            new Dictionary<string, string> { ["login"] = _user.UserName, ["password"] = _user.Password, ["remember_me"] = rememberMe });

        Assert.That(response.SetCookie("dd_session"), Does.Not.Contain("expires=").And.Not.Contain("max-age="));
    }

    [Test]
    public async Task Remember_me_cookie_lasts_thirty_days()
    {
        var response = await Client.LoginAsync(_user.UserName, _user.Password, rememberMe: true);

        var maxAge = int.Parse(
            response.SetCookie("dd_session").Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("max-age=", StringComparison.Ordinal))[8..],
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(maxAge, Is.InRange(30 * 86400 - 60, 30 * 86400));
    }

    [Test]
    public async Task Session_cookie_is_HttpOnly_and_SameSite_Lax_and_not_Secure_over_plain_http()
    {
        var response = await Client.LoginAsync(_user.UserName, _user.Password);

        Assert.That(response.SetCookie("dd_session"), Does.Contain("httponly").And.Contain("samesite=lax").And.Not.Contain("secure"));
    }

    [Test]
    public async Task No_response_of_a_sign_in_carries_the_password_or_its_hash()
    {
        var responses = new[]
        {
            await Client.LoginAsync(_user.UserName, _user.Password),
            await Client.VerifyAuthAsync(),
            await Client.LoginAsync(_user.UserName, _user.Password),
            await Client.LogoutAsync(),
            await Client.LoginAsync(_user.UserName, "a wrong password"),
        };

        Assert.That(responses.Select(r => r.Body), Has.None.Contains(_user.Password).And.None.Contains("argon2").And.None.Contains("a wrong password"));
    }

    [Test]
    public async Task A_non_boolean_remember_me_is_a_bad_request_not_a_server_error()
    {
        var response = await Client.PostJsonAsync("/api/auth/login", new { login = _user.UserName, password = _user.Password, remember_me = "perhaps" });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.ErrorType, Is.EqualTo("Bad Request"));
    }
}
