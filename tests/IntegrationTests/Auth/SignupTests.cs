using System.Net;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Auth;

public class SignupTests : ApiTest
{
    [Test]
    public async Task Signup_returns_201_with_the_new_user_and_signs_them_in()
    {
        var form = SignupForm.Valid();

        var response = await Client.SignupAsync(form);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created));
        var data = response.Json.GetProperty("data");
        Assert.That(data.GetProperty("user_name").GetString(), Is.EqualTo(form.UserName));
        Assert.That(data.GetProperty("email").GetString(), Is.EqualTo(form.Email));
        Assert.That(data.GetProperty("first_name").GetString(), Is.EqualTo("Sam"));
        Assert.That(data.GetProperty("last_name").GetString(), Is.EqualTo("Chuang"));
        Assert.That(data.GetProperty("role").GetString(), Is.EqualTo("user"));
        Assert.That(data.GetProperty("id").GetInt32(), Is.Positive);
        Assert.That(response.Json.GetProperty("success").GetBoolean(), Is.True);
        Assert.That((await Client.VerifyAuthAsync()).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Signup_stores_the_user_with_a_hash_and_one_session()
    {
        var form = SignupForm.Valid();

        await Client.SignupAsync(form);

        Assert.That(DatabaseProbe.UserCountOf(Host.DatabaseFile, form.UserName), Is.EqualTo(1));
        Assert.That(DatabaseProbe.PasswordHashOf(Host.DatabaseFile, form.UserName), Does.StartWith("$argon2id$"));
        Assert.That(DatabaseProbe.SessionCountOf(Host.DatabaseFile, form.UserName), Is.EqualTo(1));
    }

    [Test]
    public async Task Signup_with_invalid_fields_stores_nothing()
    {
        var form = SignupForm.Valid() with { Confirm = "something else" };

        await Client.SignupAsync(form);

        Assert.That(DatabaseProbe.UserCountOf(Host.DatabaseFile, form.UserName), Is.Zero);
    }

    [Test]
    public async Task Signup_response_holds_exactly_the_contracts_user_fields()
    {
        var response = await Client.SignupAsync(SignupForm.Valid());

        var fields = response.Json.GetProperty("data").EnumerateObject().Select(p => p.Name);
        Assert.That(fields, Is.EquivalentTo(new[] { "id", "user_name", "email", "role", "first_name", "last_name", "email_confirmed", "two_factor_enabled" }));
        Assert.That(response.Body, Does.Not.Contain(SignupForm.DefaultPassword).And.Not.Contain("argon2"));
    }

    [Test]
    public async Task Signup_accepts_a_form_urlencoded_body()
    {
        var form = SignupForm.Valid();

        var response = await Client.PostFormAsync("/api/auth/signup", form.ToJson());

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.ToString());
    }

    [Test]
    public async Task Signup_ignores_unknown_fields()
    {
        var body = SignupForm.Valid().ToJson();
        body["favourite_colour"] = "teal";

        var response = await Client.PostJsonAsync("/api/auth/signup", body);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Signup_with_an_empty_form_returns_422_listing_every_field()
    {
        var response = await Client.PostJsonAsync("/api/auth/signup", new { });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.ErrorType, Is.EqualTo("Form validation error"));
        var fields = response.Error.GetProperty("message").EnumerateObject().Select(p => p.Name);
        Assert.That(fields, Is.EquivalentTo(new[] { "user_name", "first_name", "last_name", "email", "password", "confirm" }));
    }

    [Test]
    public async Task Signup_with_invalid_fields_gets_the_contracts_messages()
    {
        var form = SignupForm.Valid() with { UserName = "sam_chuang", Confirm = "something else" };

        var response = await Client.SignupAsync(form);

        var message = response.Error.GetProperty("message");
        Assert.That(message.GetProperty("user_name")[0].GetString(), Is.EqualTo("Username can only contain letters and numbers"));
        Assert.That(message.GetProperty("confirm")[0].GetString(), Is.EqualTo("Passwords must match"));
    }

    [TestCase("password1")]
    [TestCase("short")]
    public async Task Signup_with_a_weak_password_returns_422_on_the_password_field(string password)
    {
        var response = await Client.SignupAsync(SignupForm.Valid().WithPassword(password));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Error.GetProperty("message").TryGetProperty("password", out _), Is.True, response.ToString());
    }

    [Test]
    public async Task Signup_with_the_user_name_as_password_is_refused()
    {
        var form = SignupForm.Valid();

        var response = await Client.SignupAsync(form.WithPassword(form.UserName.ToUpperInvariant()));

        Assert.That(response.Error.GetProperty("message").GetProperty("password")[0].GetString(),
            Is.EqualTo("Password must not be the same as your username or email"));
    }

    [Test]
    public async Task Signup_with_a_taken_user_name_in_another_case_returns_409()
    {
        var first = await SignedUpUserAsync(Host.NewClient());

        var response = await Client.SignupAsync(SignupForm.Valid() with { UserName = first.UserName.ToUpperInvariant() });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Error.GetProperty("message").GetString(), Is.EqualTo("This username is already taken!"));
        Assert.That(response.ErrorType, Is.EqualTo("Conflict"));
    }

    [Test]
    public async Task Signup_with_a_taken_email_in_another_case_returns_409()
    {
        var first = await SignedUpUserAsync(Host.NewClient());

        var response = await Client.SignupAsync(SignupForm.Valid() with { Email = first.Email.ToUpperInvariant() });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Error.GetProperty("message").GetString(), Is.EqualTo("This email is already taken!"));
    }

    [Test]
    public async Task Signup_keeps_the_display_case_of_the_user_name()
    {
        var form = SignupForm.Valid() with { UserName = "MixedCase" + Guid.NewGuid().ToString("N")[..8] };

        var response = await Client.SignupAsync(form);

        Assert.That(response.Json.GetProperty("data").GetProperty("user_name").GetString(), Is.EqualTo(form.UserName));
    }

    [Test]
    public async Task Signup_while_signed_in_says_already_signed_up_and_creates_no_user()
    {
        await SignedUpUserAsync();
        var second = SignupForm.Valid();

        var response = await Client.SignupAsync(second);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Json.GetProperty("message").GetString(), Is.EqualTo("You're already signed up"));
        using var other = Host.NewClient();
        Assert.That((await other.LoginAsync(second.UserName, second.Password)).Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public async Task Simultaneous_signups_of_one_name_give_exactly_one_201_and_409_for_the_rest()
    {
        var name = SignupForm.Valid().UserName;
        var clients = Enumerable.Range(0, 8).Select(_ => Host.NewClient()).ToList();
        foreach (var client in clients)
        {
            await client.CsrfTokenAsync();
        }

        var responses = await Task.WhenAll(clients.Select(c => c.SignupAsync(SignupForm.Valid() with { UserName = name })));

        Assert.That(responses.Count(r => r.Status == HttpStatusCode.Created), Is.EqualTo(1), string.Join("\n", responses.Select(r => r.ToString())));
        Assert.That(responses.Count(r => r.Status == HttpStatusCode.Conflict), Is.EqualTo(7));
        clients.ForEach(c => c.Dispose());
    }
}
