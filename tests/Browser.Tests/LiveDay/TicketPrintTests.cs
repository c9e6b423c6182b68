using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rantevou.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>R6: the walk-in ticket prints on 80 mm thermal paper, as Chromium in kiosk printing sends it to the printer.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TicketPrintTests(BrowserFixture browser) : IAsyncLifetime
{
    const double PointsPerMm = 72 / 25.4;
    const double PixelsPerMm = 96 / 25.4;
    LiveApp server = null!;
    IBrowserContext context = null!;

    public async Task InitializeAsync()
    {
        server = LiveApp.At(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(2))).Start();
        context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "el-GR" });
    }

    public async Task DisposeAsync()
    {
        await context.CloseAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task WalkInTicket_PrintsOnOnePage80mmWide_WithContentInside72mm()
    {
        var kiosk = await context.NewPageAsync();
        // The kiosk prints by itself (window.print, silent with --kiosk-printing); here the test prints, to a PDF.
        await kiosk.AddInitScriptAsync("window.print = () => { window.printed = (window.printed || 0) + 1; };");
        await kiosk.GotoAsync(server.BaseUrl + "/kiosk");
        await kiosk.Locator("#walkin-start").ClickAsync();
        await kiosk.Locator("#services button").First.ClickAsync();
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Όχι, κανονική σειρά" }).ClickAsync();
        await Expect(kiosk.Locator("#p-number")).ToHaveTextAsync(new Regex(@"^\D?\d{3}$"));
        await kiosk.WaitForFunctionAsync("() => window.printed === 1 && document.getElementById('p-qr').naturalWidth > 0");

        await kiosk.EmulateMediaAsync(new() { Media = Media.Print });
        var widest = await kiosk.EvaluateAsync<double>(
            "() => Math.max(...[...document.querySelectorAll('#print, #print *')].map((e) => Math.max(e.getBoundingClientRect().width, e.scrollWidth)))");
        Assert.True(widest <= 72 * PixelsPerMm + 0.5, $"the ticket's content is {widest / PixelsPerMm:0.0} mm wide");

        var pdf = Encoding.Latin1.GetString(await kiosk.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true }));
        var boxes = MediaBox().Matches(pdf).Select(m => double.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture)).ToList();
        var width = Assert.Single(boxes);
        Assert.InRange(width, 80 * PointsPerMm - 1, 80 * PointsPerMm + 1);
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+(?<w>[\d.]+)\s+(?<h>[\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
