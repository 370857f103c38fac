namespace DoubleDibz.IntegrationTests.Support;

/// <summary>A valid signup form with a fresh user name and e-mail each time; change one field with <c>with</c>.</summary>
public sealed record SignupForm(string UserName, string FirstName, string LastName, string Email, string Password, string Confirm)
{
    private static int _counter;

    public const string DefaultPassword = "violet tractor sings";

    public static SignupForm Valid()
    {
        var n = Interlocked.Increment(ref _counter);
        var name = $"user{Environment.ProcessId}x{n}";
        return new SignupForm(name, "Sam", "Chuang", $"{name}@example.com", DefaultPassword, DefaultPassword);
    }

    public SignupForm WithPassword(string password) => this with { Password = password, Confirm = password };

    public Dictionary<string, string> ToJson() => new()
    {
        ["user_name"] = UserName,
        ["first_name"] = FirstName,
        ["last_name"] = LastName,
        ["email"] = Email,
        ["password"] = Password,
        ["confirm"] = Confirm,
    };
}
