using System.Net;
using System.Text;
using DoubleDibz.IntegrationTests.Support;

namespace DoubleDibz.IntegrationTests.Security;

/// <summary>NIST SP 800-63B rules for new passwords, against the running service.</summary>
public class PasswordPolicyTests : ApiTest
{
    [TestCase("password1")]
    [TestCase("Iloveyou2")]
    [TestCase("qwertyuiop")]
    public async Task A_password_on_the_common_password_list_is_refused(string password)
    {
        var response = await Client.SignupAsync(SignupForm.Valid().WithPassword(password));

        Assert.That(PasswordErrors(response), Is.Not.Empty, response.ToString());
    }

    [Test]
    public async Task A_common_password_in_full_width_letters_is_still_refused_because_passwords_are_NFKC_normalized()
    {
        var response = await Client.SignupAsync(SignupForm.Valid().WithPassword("ｐａｓｓｗｏｒｄ１"));

        Assert.That(PasswordErrors(response), Is.Not.Empty, response.ToString());
    }

    [Test]
    public async Task A_password_equal_to_the_email_is_refused()
    {
        var form = SignupForm.Valid();

        var response = await Client.SignupAsync(form.WithPassword(form.Email));

        Assert.That(PasswordErrors(response), Is.EqualTo(new[] { "Password must not be the same as your username or email" }));
    }

    [Test]
    public async Task A_long_passphrase_with_no_digits_or_symbols_is_accepted()
    {
        var response = await Client.SignupAsync(SignupForm.Valid().WithPassword("purple elephants dance quietly"));

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task A_password_typed_in_another_unicode_form_still_logs_in()
    {
        var composed = "café au lait pour moi".Normalize(NormalizationForm.FormC);
        var form = SignupForm.Valid().WithPassword(composed);
        await Client.SignupAsync(form);
        using var other = Host.NewClient();

        var login = await other.LoginAsync(form.UserName, composed.Normalize(NormalizationForm.FormD));

        Assert.That(login.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Length_limits_come_from_configuration()
    {
        using var strict = new ApiHost(settings: new Dictionary<string, string?> { ["PasswordPolicy:MinLength"] = "20" });
        using var client = strict.NewClient();

        var response = await client.SignupAsync(SignupForm.Valid().WithPassword("violet tractor sings"[..19]));

        Assert.That(PasswordErrors(response), Has.Some.Contains("20"));
    }

    private static string[] PasswordErrors(ApiResponse response) =>
        response.Status == HttpStatusCode.UnprocessableEntity && response.Error.GetProperty("message").TryGetProperty("password", out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString()!).ToArray()
            : [];
}
