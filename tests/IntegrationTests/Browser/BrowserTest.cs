using DoubleDibz.IntegrationTests.Support;
using Microsoft.Playwright;

namespace DoubleDibz.IntegrationTests.Browser;

/// <summary>
/// The page at <c>/</c> in Debian's headless Chromium (<c>/usr/bin/chromium</c>; the test set-up installs it),
/// driven by Playwright, against the real service. One service and browser per fixture; a fresh browser context
/// (no cookies) per test. Screenshots go to <c>screenshots/</c> in the test output and are attached to the test.
/// </summary>
public abstract class BrowserTest
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // As root in a container, Chromium needs --no-sandbox; the rest keep it off this machine's closed network.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright _playwright = null!;

    protected ApiHost Host { get; private set; } = null!;

    protected IBrowser Browser { get; private set; } = null!;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?>? HostSettings => null;

    /// <summary>Services of the fixture's host to replace (e.g. its clock), as <see cref="ApiHost"/> takes them.</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? HostServices => null;

    [OneTimeSetUp]
    public async Task StartBrowser()
    {
        Assert.That(File.Exists(ChromiumPath), Is.True, $"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium");
        Host = new ApiHost(settings: HostSettings, services: HostServices);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    [OneTimeTearDown]
    public async Task StopBrowser()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        Host.Dispose();
    }

    [SetUp]
    public async Task OpenPage()
    {
        Context = await NewContextAsync();
        Page = await Context.NewPageAsync();
    }

    [TearDown]
    public async Task ClosePage() => await Context.DisposeAsync();

    protected Task<IBrowserContext> NewContextAsync(string? storageState = null, int width = 1280, int height = 900, string? userAgent = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            StorageState = storageState,
            UserAgent = userAgent,
        });

    /// <summary>Opens the app and waits until it has asked <c>verify_auth</c> and shown a view.</summary>
    protected async Task OpenAppAsync(IPage? page = null)
    {
        page ??= Page;
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#loading-view")).ToBeHiddenAsync();
    }

    protected async Task SignUpAsync(SignupForm form, IPage? page = null)
    {
        page ??= Page;
        await page.FillAsync("#signup-user_name", form.UserName);
        await page.FillAsync("#signup-first_name", form.FirstName);
        await page.FillAsync("#signup-last_name", form.LastName);
        await page.FillAsync("#signup-email", form.Email);
        await page.FillAsync("#signup-password", form.Password);
        await page.FillAsync("#signup-confirm", form.Confirm);
        await page.ClickAsync("#signup-form button[type=submit]");
    }

    protected async Task LogInAsync(string login, string password, bool rememberMe = false, IPage? page = null)
    {
        page ??= Page;
        await page.GetByLabel("Username or email").FillAsync(login);
        await page.Locator("#login-password").FillAsync(password);
        await page.GetByLabel("Remember me").SetCheckedAsync(rememberMe);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }

    /// <summary>The welcome view is shown (not merely present: it keeps its text while hidden) for this user.</summary>
    protected static async Task ExpectWelcomeAsync(IPage page, string userName)
    {
        await Assertions.Expect(page.Locator("#welcome-view")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#welcome-heading")).ToHaveTextAsync($"Welcome, {userName}!");
    }

    /// <summary>Opens the app, signs a new user up through the signup form and waits for the welcome view.</summary>
    protected async Task<SignupForm> SignUpInTheBrowserAsync(IPage? page = null)
    {
        page ??= Page;
        var user = SignupForm.Valid();
        await OpenAppAsync(page);
        await SignUpAsync(user, page);
        await ExpectWelcomeAsync(page, user.UserName);
        return user;
    }

    /// <summary>From the welcome view, opens the account view and waits until its list of sessions is loaded.</summary>
    protected static async Task OpenAccountAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#account-view")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sessions-list li.session").First).ToBeVisibleAsync();
    }

    /// <summary>The rows of "Where you're signed in".</summary>
    protected static ILocator SessionRows(IPage page) => page.Locator("#sessions-list li.session");

    /// <summary>Asks <c>verify_auth</c> with the context's cookies, as the page would: 200 signed in, 401 not.</summary>
    protected static async Task<int> VerifyAuthStatusAsync(IBrowserContext context)
    {
        var response = await context.APIRequest.GetAsync("/api/auth/verify_auth");
        return response.Status;
    }

    /// <summary>Saves a full-page screenshot as a test artifact.</summary>
    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }
}
