using System.Diagnostics;
using Microsoft.Playwright;
using Rantevou.Core.Booking;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>
/// The live day across the three screens: a QR scanned at the kiosk, the clerk sees the arrival and calls, the display
/// shows the call within a second — and, after a server restart, shows it again without a reload (principle 3).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KioskDisplayTests(BrowserFixture browser)
{
    static readonly TimeSpan Athens = TimeSpan.FromHours(2);

    [Fact]
    public async Task Scan_Call_DisplayShowsCodeWithinASecond_AndAgainAfterRestart()
    {
        // 07:30 in Athens, so a 09:00 booking is well inside the booking cut-off.
        var server = LiveApp.At(new DateTimeOffset(2026, 12, 1, 7, 30, 0, Athens)).Start();
        var screens = new Screens(browser.Browser, new() { ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "el-GR" });
        try
        {
            var code = await server.ConfirmedBookingAsync(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Athens));
            var shown = BookingCode.Display(code);
            // R10: the person sent a document with the booking; the clerk sees it once the person is called.
            var id = await server.WithDbAsync(db => Task.FromResult(db.Bookings.Single(b => b.Code == code).Id));
            var manage = Uri.EscapeDataString(server.Tokens.Manage(id));
            using (var http = server.Http())
            {
                var pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
                var upload = await http.PostAsync($"/api/bookings/{code}/documents?token={manage}",
                    new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "ταυτότητα.pdf" } });
                Assert.Equal(System.Net.HttpStatusCode.Created, upload.StatusCode);
            }
            server.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 8, 55, 0, Athens));

            var kiosk = await screens.OpenAsync();
            var display = await screens.OpenAsync();
            var clerk = await screens.OpenAsync();
            await kiosk.GotoAsync(server.BaseUrl + "/kiosk");
            await display.GotoAsync(server.BaseUrl + "/display");
            await Expect(display.Locator("#next")).ToContainTextAsync(shown);
            await SignInAsync(clerk, server.BaseUrl, "clerk1@example.org");
            await Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "Θυρίδα 1", Level = 1 })).ToBeVisibleAsync();
            await Expect(clerk.Locator("#day")).ToContainTextAsync(shown);

            // A USB scanner is a keyboard: fast keystrokes, then Enter, into the focused input.
            await Expect(kiosk.Locator("#qr")).ToBeFocusedAsync();
            await kiosk.ScreenshotAsync(new() { Path = DocsScreenshots.PathFor("kiosk.png") });
            await kiosk.Keyboard.TypeAsync(server.Tokens.QrText(code), new() { Delay = 5 });
            await kiosk.Keyboard.PressAsync("Enter");
            await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "CheckedIn");
            await Expect(kiosk.Locator("#result-message")).ToContainTextAsync(shown);
            await Expect(display.Locator("#next")).ToContainTextAsync("✓");
            await Expect(clerk.Locator("#day tr", new() { HasText = shown })).ToContainTextAsync("Έφτασε");

            // The booking's own page follows it live: checked in now, called to the desk a moment later.
            var citizen = await screens.OpenAsync();
            await citizen.GotoAsync($"{server.BaseUrl}/b/{code}?token={manage}");
            await Expect(citizen.Locator("#live-state")).ToContainTextAsync("Έχετε καταγραφεί");

            var watch = Stopwatch.StartNew();
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Καλέστε τον επόμενο" }).ClickAsync();
            await Expect(display.Locator(".desk.fresh .desk-code")).ToHaveTextAsync(shown, new() { Timeout = 1000 });
            Assert.True(watch.ElapsedMilliseconds < 1500, $"display took {watch.ElapsedMilliseconds} ms");
            await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(shown);
            // Without a reload: the called person's uploaded file, with its type, size and time, opening in a new tab.
            var file = clerk.Locator("#cur-uploads li");
            await Expect(file).ToHaveCountAsync(1);
            await Expect(file).ToContainTextAsync("ταυτότητα.pdf");
            await Expect(file).ToContainTextAsync("PDF · 1 KB · ανέβηκε 1 Δεκ");
            var link = file.GetByRole(AriaRole.Link);
            await Expect(link).ToHaveAttributeAsync("target", "_blank");
            await Expect(link).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"^/api/staff/bookings/{code}/documents/[0-9a-f-]{{36}}$"));
            await Expect(citizen.Locator("#live-state")).ToContainTextAsync("θυρίδα 1");
            await display.ScreenshotAsync(new() { Path = DocsScreenshots.PathFor("display.png") });
            await clerk.Locator("#cur-docs input").First.CheckAsync();
            await clerk.ScreenshotAsync(new() { Path = DocsScreenshots.PathFor("clerk.png"), FullPage = true });

            // A restart: the display notices, reconnects by itself and shows the same state, without a reload.
            await display.EvaluateAsync("window.sameDocument = true");
            server = await server.ReopenAsync(() => Expect(display.Locator("#status")).ToBeVisibleAsync(new() { Timeout = 10000 }));
            await Expect(display.Locator("#status")).ToBeHiddenAsync(new() { Timeout = 30000 });
            await Expect(display.Locator(".desk:not(.free) .desk-code")).ToHaveTextAsync(shown);
            Assert.True(await display.EvaluateAsync<bool>("window.sameDocument === true"));
        }
        finally
        {
            await screens.DisposeAsync();
            await server.DisposeAsync();
        }
    }

    static async Task SignInAsync(IPage page, string baseUrl, string email)
    {
        await page.GotoAsync(baseUrl + "/clerk");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Κωδικός πρόσβασης").FillAsync("Demo!2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Σύνδεση" }).ClickAsync();
    }
}
