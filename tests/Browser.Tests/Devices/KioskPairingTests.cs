using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rantevou.Browser.Tests.Accessibility;
using Rantevou.Core.Audit;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.Devices;

/// <summary>
/// ADR 0015 through the real pages: a kiosk PC opened without a credential shows a pairing code; an administrator
/// enters it at /admin/devices on another browser; the kiosk becomes the kiosk by itself and issues a walk-in ticket (R6).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KioskPairingTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>The real pairing: this app's kiosk page does not pair itself.</summary>
    protected override void Configure(LiveApp app) => app.Settings["Rantevou:Devices:AutoPair"] = "false";

    [Fact]
    public async Task UnpairedKiosk_ShowsACode_TheAdminApprovesIt_AndTheKioskIssuesAWalkInTicket()
    {
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(2)));
        var kiosk = Page;
        await kiosk.AddInitScriptAsync("window.print = () => { window.printed = (window.printed || 0) + 1; };");
        await kiosk.GotoAsync("/kiosk");
        await Expect(kiosk).ToHaveURLAsync(new Regex("/devices/pair\\?kind=kiosk"));
        await ExpectHeadingAsync("Αυτό το περίπτερο δεν έχει συνδεθεί ακόμη");
        var code = kiosk.Locator("#pair-code");
        await Expect(code).ToHaveTextAsync(new Regex("^[A-Z2-9]{3}-[A-Z2-9]{3}$"));
        await Expect(kiosk.GetByText("Ζητήστε από έναν διαχειριστή του γραφείου να καταχωρίσει αυτόν τον κωδικό στη σελίδα /admin/devices")).ToBeVisibleAsync();
        await Expect(kiosk.Locator("#pair-status")).ToContainTextAsync("Ο κωδικός ισχύει έως τις 09:10");
        var shown = await code.TextContentAsync();
        await AssertAccessibleAsync("/devices/pair in Greek");
        await kiosk.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rantevou-pairing.png") });

        // In English the same machine keeps its code: the pairing is its cookie's, not the page's.
        await kiosk.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await ExpectHeadingAsync("This kiosk is not paired yet");
        await Expect(kiosk.GetByText("Ask an office administrator to enter this code at /admin/devices")).ToBeVisibleAsync();
        await Expect(code).ToHaveTextAsync(shown!);
        await AssertAccessibleAsync("/devices/pair in English");

        var adminContext = await Context.Browser!.NewContextAsync(new() { BaseURL = App.BaseUrl, Locale = "el-GR" });
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync("/admin/devices");
        await admin.GetByLabel("Email").FillAsync("admin@example.org");
        await admin.GetByLabel("Κωδικός πρόσβασης").FillAsync("Demo!2026");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Σύνδεση" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Περίπτερα και οθόνες");
        await Axe.AssertNoSeriousViolationsAsync(admin, "/admin/devices");
        await admin.GetByLabel("Κωδικός σύνδεσης").FillAsync(shown!.ToLowerInvariant());
        await admin.GetByLabel("Όνομα συσκευής").FillAsync("Περίπτερο εισόδου");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Έγκριση σύνδεσης" }).ClickAsync();
        var row = admin.Locator("section.device", new() { HasText = "Περίπτερο εισόδου" });
        await Expect(row).ToContainTextAsync("Περίπτερο");

        // The kiosk's next poll collects its credential and opens the kiosk screen by itself, still in English.
        await Expect(kiosk).ToHaveURLAsync(new Regex("/kiosk\\?culture=en"), new() { Timeout = 15000 });
        await kiosk.Locator("#walkin-start").ClickAsync();
        await kiosk.Locator("#services button").First.ClickAsync();
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "No, normal order" }).ClickAsync();
        await Expect(kiosk.Locator("#ticket-number")).ToHaveTextAsync(new Regex(@"^\D?\d{3}$"));
        Assert.Equal(1, await App.WithDbAsync(db => db.WalkInTickets.CountAsync()));

        await admin.ReloadAsync();
        await Expect(row.Locator(".device-status")).ToHaveTextAsync("Σε λειτουργία");
        await Axe.AssertNoSeriousViolationsAsync(admin, "/admin/devices with a paired kiosk");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rantevou-admin-devices.png"), FullPage = true });

        // Revoked: the kiosk's very next request (a walk-in started: are tickets issued now?) is refused, and the machine
        // goes back to the pairing screen by itself, before anyone chooses a service.
        // A revoked machine comes back only through a new pairing, so the first press asks, naming it.
        await row.GetByRole(AriaRole.Button, new() { Name = "Ανάκληση" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ανάκληση συσκευής;");
        await Expect(row.Locator(".device-status")).ToHaveTextAsync("Σε λειτουργία");
        await Axe.AssertNoSeriousViolationsAsync(admin, "/admin/devices asking before revoking");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Ναι, ανάκληση" }).ClickAsync();
        await Expect(row.Locator(".device-status")).ToHaveTextAsync("Ανακλήθηκε");
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        await kiosk.Locator("#walkin-start").ClickAsync();
        await Expect(kiosk).ToHaveURLAsync(new Regex("/devices/pair\\?kind=kiosk"));
        await ExpectHeadingAsync("This kiosk is not paired yet");
        Assert.Equal(1, await App.WithDbAsync(db => db.WalkInTickets.CountAsync()));
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "admin.device.revoke" && a.Outcome == AuditOutcome.Succeeded)));
        await adminContext.DisposeAsync();
    }
}
