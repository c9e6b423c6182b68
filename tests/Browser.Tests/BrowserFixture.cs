using Microsoft.Playwright;

namespace Rantevou.Browser.Tests;

/// <summary>
/// One headless Debian Chromium per collection of browser tests; each test gets its own context (cookies, JS on or off).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}

/// <summary>Most browser tests, one after another on one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// The longest browser tests (a whole office day, the accessibility sweep, the staff accounts and the statistics page),
/// on a browser of their own, beside <see cref="BrowserCollection"/>: the two collections run at the same time, so the
/// run takes about as long as the longer of the two instead of their sum, and they are chosen to take about as long
/// as each other (about four minutes each). Each test still has its own server, SMTP server and browser context.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LongBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-long";
}
