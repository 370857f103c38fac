using System.Net;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace DoubleDibz.IntegrationTests.Support;

/// <summary>
/// The authenticator app of the tests: computes TOTP codes from the secret the service gave, at the service's
/// (fake) clock, with Otp.NET as an app would (SHA-1, 6 digits, 30 s).
/// </summary>
public static class Authenticator
{
    public static string CodeAt(string secret, DateTimeOffset at) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);

    /// <summary>A 6-digit code that is valid for none of the steps around <paramref name="at"/>.</summary>
    public static string WrongCodeAt(string secret, DateTimeOffset at, int seed = 0)
    {
        var valid = new[] { -30, 0, 30 }.Select(s => CodeAt(secret, at.AddSeconds(s))).ToHashSet();
        for (var n = 123456 + seed; ; n = (n + 7919) % 1_000_000)
        {
            var candidate = n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            if (!valid.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// Signs up a user with <paramref name="client"/>, sets up and enables two-factor sign-in, then moves the clock
    /// to the next time step (so the next code is not a replay of the one that enabled it).
    /// </summary>
    public static async Task<TwoFactorUser> EnabledUserAsync(ApiClient client, FakeTimeProvider clock)
    {
        var form = SignupForm.Valid();
        Assert.That((await client.SignupAsync(form)).Status, Is.EqualTo(HttpStatusCode.Created));
        var setup = await client.SetupTwoFactorAsync(form.Password);
        Assert.That(setup.Status, Is.EqualTo(HttpStatusCode.OK), setup.ToString());
        var secret = setup.Json.GetProperty("data").GetProperty("secret").GetString()!;
        var enabled = await client.EnableTwoFactorAsync(CodeAt(secret, clock.GetUtcNow()));
        Assert.That(enabled.Status, Is.EqualTo(HttpStatusCode.OK), enabled.ToString());
        var codes = enabled.Json.GetProperty("data").GetProperty("recovery_codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        clock.Advance(TimeSpan.FromSeconds(30));
        return new TwoFactorUser(form, secret, codes);
    }
}

public sealed record TwoFactorUser(SignupForm Form, string Secret, IReadOnlyList<string> RecoveryCodes)
{
    public string UserName => Form.UserName;

    public string Password => Form.Password;
}
