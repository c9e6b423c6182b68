using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rantevou.Browser.Tests.Accessibility;
using Rantevou.Core.Booking;
using Rantevou.Core.LiveDay;
using Rantevou.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>
/// The kiosk serves one visitor after another: nothing of one person's answer — the end-of-day choice (R5), their QR —
/// is left for the next to see or tap; and a walk-in's ticket number is the biggest thing on its screen (R6).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KioskVisitorTests(BrowserFixture browser) : IAsyncLifetime
{
    static readonly TimeSpan Athens = TimeSpan.FromHours(2);
    LiveApp server = null!;
    IBrowserContext context = null!;

    public async Task InitializeAsync()
    {
        server = LiveApp.At(new DateTimeOffset(2026, 12, 1, 7, 0, 0, Athens)).Start();
        context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "el-GR" });
    }

    public async Task DisposeAsync()
    {
        await context.CloseAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task LateVisitorsEndOfDayChoice_IsGone_WhenTheResultClosesOrTheNextVisitorScans()
    {
        // One desk, so A at 09:00 and B right after share it: A five minutes late would push B back (R5: end of day).
        await server.WithDbAsync(db => db.Desks.Where(d => d.Number != 1).ExecuteUpdateAsync(u => u.SetProperty(d => d.Active, false)));
        var a = await server.ConfirmedBookingAsync(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Athens));
        var minutes = await server.WithDbAsync(db => db.Bookings.Where(x => x.Code == a).Select(x => x.DurationMinutes).SingleAsync());
        var b = await server.ConfirmedBookingAsync(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Athens).AddMinutes(minutes));
        server.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 5, 0, Athens));

        var kiosk = await context.NewPageAsync();
        var endOfDayCalls = 0;
        kiosk.Request += (_, r) => { if (r.Url.Contains("/end-of-day", StringComparison.Ordinal)) endOfDayCalls++; };
        await kiosk.GotoAsync(server.BaseUrl + "/kiosk");
        var choice = kiosk.Locator("#end-of-day");
        // Never an empty button, not even before anyone is late (axe: button-name).
        await Expect(choice).ToHaveTextAsync("Εξυπηρέτηση στο τέλος της ημέρας");

        await ScanAsync(kiosk, a);
        await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "Late");
        await Expect(choice).ToBeVisibleAsync();
        await Expect(choice).ToContainTextAsync("περίπου στις");
        await Axe.AssertNoSeriousViolationsAsync(kiosk, "kiosk, late result with the end-of-day choice");

        // A walks away: the answer is closed, and nothing of A's is left to tap.
        await kiosk.Locator("#result-close").ClickAsync();
        await Expect(kiosk.Locator("#result")).ToBeHiddenAsync();
        await choice.EvaluateAsync("b => b.click()");
        await kiosk.WaitForTimeoutAsync(300);

        // A comes back, is late again; before choosing, B scans their own QR.
        await ScanAsync(kiosk, a);
        await Expect(choice).ToBeVisibleAsync();
        await ScanAsync(kiosk, b);
        await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "CheckedIn");
        await Expect(kiosk.Locator("#result-message")).ToContainTextAsync(BookingCode.Display(b));
        await Expect(kiosk.Locator("#result-message")).Not.ToContainTextAsync(BookingCode.Display(a));
        await Expect(choice).ToBeHiddenAsync();
        await Expect(kiosk.Locator("#book-again")).ToBeHiddenAsync();
        await Axe.AssertNoSeriousViolationsAsync(kiosk, "kiosk, the next visitor's result");
        await choice.EvaluateAsync("b => b.click()");
        await kiosk.WaitForTimeoutAsync(300);

        Assert.Equal(0, endOfDayCalls);
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(a));
        Assert.Equal(BookingStatus.CheckedIn, await StatusAsync(b));
    }

    [Fact]
    public async Task ExpiredVisitor_WithNothingLeftAtTheDesk_IsOfferedTheEndOfDayInAFewMinutes_NotAtTheCurrentMinute()
    {
        // R5: A's appointment expired by the sweep; nobody else is booked at the one desk, so the end of the day is now.
        await server.WithDbAsync(db => db.Desks.Where(d => d.Number != 1).ExecuteUpdateAsync(u => u.SetProperty(d => d.Active, false)));
        var a = await server.ConfirmedBookingAsync(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Athens));
        server.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 40, 0, Athens));
        await using (var scope = server.Scope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<BookingClosures>().ExpireLateAsync(CancellationToken.None));

        var kiosk = await context.NewPageAsync();
        await kiosk.GotoAsync(server.BaseUrl + "/kiosk");
        await ScanAsync(kiosk, a);
        await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "Expired");
        await Expect(kiosk.Locator("#end-of-day")).ToHaveTextAsync("Εξυπηρέτηση στο τέλος της ημέρας — σε λίγα λεπτά");
        await kiosk.Locator("#end-of-day").ClickAsync();
        await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "Deferred");
        await Expect(kiosk.Locator("#result-message")).ToHaveTextAsync(
            $"Θα εξυπηρετηθείτε σε λίγα λεπτά ({BookingCode.Display(a)}). Παρακολουθήστε την οθόνη.");
        Assert.Equal(BookingStatus.Deferred, await StatusAsync(a));
    }

    [Fact]
    public async Task QrTypedThroughTheGreekLayout_EndingWithTab_ChecksIn()
    {
        // R3: the kiosk PC has the Greek layout on, and this scanner ends each code with Tab instead of Enter.
        var code = await server.ConfirmedBookingAsync(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Athens));
        server.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 8, 50, 0, Athens));
        var kiosk = await context.NewPageAsync();
        await kiosk.GotoAsync(server.BaseUrl + "/kiosk");
        await Expect(kiosk.Locator("#qr")).ToBeFocusedAsync();
        await kiosk.Keyboard.TypeAsync(ScannerKeyboard.Type(server.Tokens.QrText(code), KeyboardLayout.Greek), new() { Delay = 2 });
        await kiosk.Keyboard.PressAsync("Tab");
        await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "CheckedIn");
        await Expect(kiosk.Locator("#result-message")).ToContainTextAsync(BookingCode.Display(code));
        await Expect(kiosk.Locator("#qr")).ToBeFocusedAsync();
        await Expect(kiosk.Locator("#qr")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task WalkInTicketNumber_IsTheLargestTextOnItsScreen()
    {
        server.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Athens));
        var kiosk = await context.NewPageAsync();
        await kiosk.GotoAsync(server.BaseUrl + "/kiosk");
        await kiosk.Locator("#walkin-start").ClickAsync();
        await kiosk.Locator("#services button").First.ClickAsync();
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Όχι, κανονική σειρά" }).ClickAsync();
        await Expect(kiosk.Locator("#ticket-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\D?\d{3}$"));

        var sizes = await kiosk.EvaluateAsync<Dictionary<string, double>>("""
            () => Object.fromEntries([...document.querySelectorAll('#screen-ticket, #screen-ticket *')]
              .filter((e) => e.textContent.trim() && e.getClientRects().length)
              .map((e, i) => [e.id || `${e.tagName.toLowerCase()}#${i}`, parseFloat(getComputedStyle(e).fontSize)]))
            """);
        var number = sizes["ticket-number"];
        var others = sizes.Where(s => s.Key is not ("ticket-number" or "screen-ticket")).ToList();
        Assert.All(others, s => Assert.True(number > s.Value, $"ticket number {number}px is not larger than {s.Key} ({s.Value}px)"));
        Assert.True(number >= 2 * sizes["h-ticket"], $"ticket number {number}px, heading {sizes["h-ticket"]}px");
        await Axe.AssertNoSeriousViolationsAsync(kiosk, "kiosk, walk-in ticket");
    }

    [Fact]
    public async Task WalkInTicketScreen_ReturnsToTheStart_After20Seconds_SoTheNextVisitorCannotReprintIt()
    {
        server.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Athens));
        var kiosk = await context.NewPageAsync();
        await kiosk.Clock.InstallAsync();
        await kiosk.GotoAsync(server.BaseUrl + "/kiosk");
        await kiosk.Locator("#walkin-start").ClickAsync();
        await kiosk.Locator("#services button").First.ClickAsync();
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Όχι, κανονική σειρά" }).ClickAsync();
        await Expect(kiosk.Locator("#print-again")).ToBeVisibleAsync();

        await kiosk.Clock.FastForwardAsync("00:15");
        await kiosk.WaitForTimeoutAsync(300);
        await Expect(kiosk.Locator("#print-again")).ToBeVisibleAsync();
        await kiosk.Clock.FastForwardAsync("00:06");

        await Expect(kiosk.Locator("#screen-ticket")).ToBeHiddenAsync();
        await Expect(kiosk.Locator("#screen-home")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task BookingAgainAtTheKiosk_ReturnsToTheKiosk_AfterAMinuteIdle_AndBackNeverShowsTheDetails()
    {
        // R5: a late visitor books again on the kiosk's own screen, then walks away half-way.
        await context.Clock.InstallAsync();
        var t = Texts.Greek;
        var kiosk = await context.NewPageAsync();
        await kiosk.GotoAsync(server.BaseUrl + "/kiosk");
        // The booking is made at the kiosk's own office.
        var slug = await server.WithDbAsync(db => db.Offices.OrderBy(o => o.Id).Select(o => o.Slug).FirstAsync());
        await Expect(kiosk.Locator("#book-again")).ToHaveAttributeAsync("href", $"/?culture=el&office={slug}");
        await kiosk.Locator("#book-again").EvaluateAsync("a => a.click()");
        await Expect(kiosk.Locator("#kiosk-note")).ToContainTextAsync("ένα λεπτό");
        await Axe.AssertNoSeriousViolationsAsync(kiosk, "home page in the kiosk's browser");
        await kiosk.GetByRole(AriaRole.Link, new() { Name = t.BookService }).ClickAsync();
        await kiosk.GetByRole(AriaRole.Link, new() { Name = t.Day }).ClickAsync();
        await kiosk.GetByLabel("09:00", new() { Exact = true }).CheckAsync();
        await kiosk.GetByRole(AriaRole.Button, new() { Name = t.Continue }).ClickAsync();
        await kiosk.GetByLabel(t.FullName, new() { Exact = true }).FillAsync("Ελένη Δημητρίου");
        await kiosk.GetByLabel(t.Email, new() { Exact = true }).FillAsync("eleni@example.org");

        await kiosk.Clock.FastForwardAsync("00:50");
        await Expect(kiosk.GetByLabel(t.FullName, new() { Exact = true })).ToHaveValueAsync("Ελένη Δημητρίου");
        await kiosk.GetByLabel(t.Mobile, new() { Exact = true }).FillAsync("694 555 1212"); // still typing: the minute starts again
        await kiosk.Clock.FastForwardAsync("00:50");
        await Expect(kiosk.GetByLabel(t.FullName, new() { Exact = true })).ToHaveValueAsync("Ελένη Δημητρίου");
        await kiosk.Clock.FastForwardAsync("00:15");
        await Expect(kiosk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/kiosk\\?culture=el$"));

        // The next visitor presses Back: the kiosk's start comes again, not Eleni's page.
        await kiosk.GoBackAsync();
        await Expect(kiosk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/kiosk\\?culture=el$"));
        await Expect(kiosk.Locator("body")).Not.ToContainTextAsync("Ελένη");

        // A citizen's own browser holds no kiosk's credential: no note, no guard.
        await using var citizen = await browser.Browser.NewContextAsync();
        var home = await citizen.NewPageAsync();
        await home.GotoAsync(server.BaseUrl + "/?culture=el");
        await Expect(home.GetByRole(AriaRole.Link, new() { Name = t.BookService })).ToBeVisibleAsync();
        await Expect(home.Locator("#kiosk-note")).ToHaveCountAsync(0);
        Assert.True(string.IsNullOrEmpty(await home.Locator("body").GetAttributeAsync("data-kiosk-home")));
        Assert.Equal(0, await home.Locator("script[src$=\"kiosk-mode.js\"]").CountAsync());
    }

    [Fact]
    public async Task AVisitorsLanguage_IsTheirsOnly_TheKioskIsGreekAgain_AfterAMinuteWithoutATouch()
    {
        var kiosk = await context.NewPageAsync();
        await kiosk.Clock.InstallAsync();
        await kiosk.GotoAsync(server.BaseUrl + "/kiosk");
        await kiosk.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(kiosk.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await kiosk.Clock.FastForwardAsync("00:50");
        await kiosk.Keyboard.PressAsync("Tab"); // the visitor is still at it
        await kiosk.Clock.FastForwardAsync("00:50");
        await kiosk.WaitForTimeoutAsync(500);
        await Expect(kiosk.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await kiosk.Clock.FastForwardAsync("00:15");
        await Expect(kiosk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/kiosk\\?culture=el$"));
        await Expect(kiosk.Locator("html")).ToHaveAttributeAsync("lang", "el");
    }

    /// <summary>A USB scanner is a keyboard: fast keystrokes into the focused input, then Enter.</summary>
    async Task ScanAsync(IPage kiosk, string code)
    {
        await Expect(kiosk.Locator("#qr")).ToBeFocusedAsync();
        await kiosk.Keyboard.TypeAsync(server.Tokens.QrText(code), new() { Delay = 2 });
        await kiosk.Keyboard.PressAsync("Enter");
    }

    Task<BookingStatus> StatusAsync(string code) =>
        server.WithDbAsync(db => db.Bookings.Where(x => x.Code == code).Select(x => x.Status).SingleAsync());
}
