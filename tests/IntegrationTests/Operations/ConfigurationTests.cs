using DoubleDibz.IntegrationTests.Support;
using Microsoft.Extensions.Options;

namespace DoubleDibz.IntegrationTests.Operations;

public class ConfigurationTests
{
    [Test]
    public void A_contradictory_setting_stops_the_service_at_start_up()
    {
        var settings = new Dictionary<string, string?> { ["PasswordPolicy:MinLength"] = "20", ["PasswordPolicy:MaxLength"] = "10" };

        var exception = Assert.Throws<OptionsValidationException>(() => new ApiHost(settings: settings).Dispose());

        Assert.That(exception!.Message, Does.Contain("MinLength"));
    }

    [Test]
    public void An_unsupported_database_provider_stops_the_service_with_a_clear_message()
    {
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" };

        var exception = Assert.Throws<InvalidOperationException>(() => new ApiHost(settings: settings).Dispose());

        Assert.That(exception!.Message, Does.Contain("Database:Provider 'Oracle'"));
    }

    [Test]
    public void An_unknown_hashing_engine_stops_the_service_with_a_clear_message()
    {
        var settings = new Dictionary<string, string?> { ["PasswordHashing:Engine"] = "Bouncy" };

        var exception = Assert.Throws<InvalidOperationException>(() => new ApiHost(settings: settings).Dispose());

        Assert.That(exception!.Message, Is.EqualTo("PasswordHashing:Engine 'Bouncy' is not supported; use 'Konscious' or 'Libsodium'."));
    }

    [Test]
    public void The_libsodium_engine_with_more_than_one_lane_per_hash_stops_the_service_at_start_up()
    {
        var settings = new Dictionary<string, string?> { ["PasswordHashing:Engine"] = "Libsodium", ["PasswordHashing:Parallelism"] = "2" };

        var exception = Assert.Throws<OptionsValidationException>(() => new ApiHost(settings: settings).Dispose());

        Assert.That(exception!.Message, Does.Contain("PasswordHashing:Engine 'Libsodium'").And.Contain("Parallelism"));
    }

    [Test]
    public async Task Password_length_limits_come_from_configuration()
    {
        using var host = new ApiHost(settings: new Dictionary<string, string?> { ["PasswordPolicy:MinLength"] = "20" });
        using var client = host.NewClient();

        var response = await client.SignupAsync(SignupForm.Valid().WithPassword("nineteen characters"[..19]));

        Assert.That(response.Error.GetProperty("message").GetProperty("password")[0].GetString(),
            Is.EqualTo("Password must be between 20 and 128 characters long"));
    }
}
