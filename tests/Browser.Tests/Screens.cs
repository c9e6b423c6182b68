using Microsoft.Playwright;

namespace Rantevou.Browser.Tests;

/// <summary>
/// The office's screens, each in a browser window of its own, as the kiosk, the display and the clerk's computer are
/// separate machines. Pages of one window are tabs, and headless Chromium draws a tab behind another only about once a
/// second: every click on it would wait two seconds for the element to hold still, and its timers would lag.
/// The windows ask for reduced motion: drawn in software at full rate, the display's pulse on each call would take a
/// core for five seconds from the server whose timing the tests measure. The pulse is CSS only; what it marks (the
/// <c>fresh</c> desk) is the same either way.
/// </summary>
public sealed class Screens(IBrowser browser, BrowserNewContextOptions options) : IAsyncDisposable
{
    readonly BrowserNewContextOptions options = new(options) { ReducedMotion = ReducedMotion.Reduce };
    readonly List<IBrowserContext> windows = [];

    /// <summary>Every page still open, for the screenshots of a failure.</summary>
    public IEnumerable<IPage> Pages => windows.SelectMany(w => w.Pages);

    /// <summary>A new window with its own cookies (its own sign-in and language) and one page.</summary>
    public async Task<IPage> OpenAsync()
    {
        var window = await browser.NewContextAsync(options);
        windows.Add(window);
        return await window.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var window in windows)
            await window.CloseAsync();
    }
}
