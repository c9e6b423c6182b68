using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rantevou.Browser.Tests.Accessibility;
using static Microsoft.Playwright.Assertions;
using static Rantevou.Browser.Tests.LiveDay.ClerkSteps;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>
/// The clerk screen through a morning at desk 1, as a clerk works it: a walk-in (no "end of the day" for them, R5/R13),
/// a service running far past its time (a forgotten "done"), an early no-show that asks first (R12), and the documents
/// checklist that is saved and comes back after a reload (R10). Greek, keyboard and axe as it goes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClerkScreenTests(BrowserFixture browser)
{
    [Fact]
    public async Task APersonHereForADeskNobodyWorks_IsListedOnTheClerkScreen_AndCalledHereInOneClick()
    {
        await using var app = await DeskOneDayAsync();
        await app.WithDbAsync(db => db.Desks.Where(d => d.Number == 2).ExecuteUpdateAsync(u => u.SetProperty(d => d.Active, true)));
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "el-GR" });
        try
        {
            // Two 09:30 appointments: one at desk 1, one at desk 2, where nobody works today.
            var renewal = await app.ServiceAsync("Driving licence renewal");
            var codes = new[] { await app.BookedAsync(renewal, Tue(9, 30)), await app.BookedAsync(renewal, Tue(9, 30)) };
            var unseen = (await app.WithDbAsync(db => db.Bookings.Where(b => codes.Contains(b.Code) && db.Desks.Any(d => d.Id == b.DeskId && d.Number == 2))
                .Select(b => b.Code).ToListAsync())).Single();
            app.Clock.SetUtcNow(Tue(9, 29));
            Assert.Equal("CheckedIn", await app.CheckInAsync(unseen));
            app.Clock.SetUtcNow(Tue(9, 35));
            var page = await context.NewPageAsync();
            await SignInAsync(page, app.BaseUrl);

            var list = page.Locator("#elsewhere");
            await Expect(list.GetByRole(AriaRole.Heading, new() { Name = "Περιμένουν σε θυρίδα χωρίς υπάλληλο" })).ToBeVisibleAsync();
            await Expect(list.Locator("li")).ToContainTextAsync($"09:30 · {Core.Booking.BookingCode.Display(unseen)} · Ανανέωση άδειας οδήγησης · θυρίδα 2");
            // Desk 1's own 09:30 has not come: the advice does not say "nobody is waiting" above someone who is.
            await Expect(page.Locator("#advice")).ToHaveTextAsync(
                "Κανείς δεν περιμένει για αυτή τη θυρίδα, αλλά κάποιοι περιμένουν σε θυρίδα χωρίς υπάλληλο: μπορείτε να τους καλέσετε εδώ (παρακάτω).");
            await Axe.AssertNoSeriousViolationsAsync(page, "clerk screen, a person waiting at a desk nobody works");
            await page.ScreenshotAsync(new() { Path = DocsScreenshots.PathFor("clerk-waiting-elsewhere.png"), FullPage = true });

            await page.Button($"Καλέστε το {Core.Booking.BookingCode.Display(unseen)} εδώ").ClickAsync();

            await Expect(page.Locator("#cur-label")).ToHaveTextAsync(Core.Booking.BookingCode.Display(unseen));
            await Expect(list).ToBeHiddenAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task AGapTooShortByTheServiceTimes_IsTheClerksToJudge_OneClickCallsTheWalkIn()
    {
        await using var app = await DeskOneDayAsync();
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "el-GR" });
        try
        {
            // Ten minutes to the 09:30 appointment, and the walk-in's service takes fifteen (R6: the clerk judges).
            var renewal = await app.ServiceAsync("Driving licence renewal");
            await app.BookedAsync(renewal, Tue(9, 30));
            app.Clock.SetUtcNow(Tue(9, 20));
            var ticket = await app.WalkInAsync(renewal);
            var page = await context.NewPageAsync();
            await SignInAsync(page, app.BaseUrl);
            await Expect(page.Locator("#advice")).ToContainTextAsync("καμία εξυπηρέτηση που περιμένει δεν χωράει στο κενό");
            var judged = page.Button($"Το κενό φτάνει: καλέστε το {ticket}");
            await Expect(judged).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page, "clerk screen, a gap for the clerk to judge");

            await judged.ClickAsync();

            await Expect(page.Locator("#cur-label")).ToHaveTextAsync(ticket);
            await Expect(judged).ToBeHiddenAsync();
            // "Call next" waits until the person called is finished with; the focus is on who they are, not on a button a
            // doubled Enter would press.
            await Expect(page.Button("Καλέστε τον επόμενο")).ToBeDisabledAsync();
            await Expect(page.Locator("#cur-who")).ToBeFocusedAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task WalkIn_OverdueFlag_AndEarlyNoShow_AreHandledOnScreen()
    {
        await using var app = await DeskOneDayAsync();
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "el-GR" });
        try
        {
            var early = await app.BookedAsync(await app.ServiceAsync("Driving licence renewal"), Tue(10, 30));
            app.Clock.SetUtcNow(Tue(9, 0));
            var ticket = await app.WalkInAsync(await app.ServiceAsync("Replace old paper licence"));
            app.Clock.SetUtcNow(Tue(9, 10));
            var page = await context.NewPageAsync();
            await SignInAsync(page, app.BaseUrl);
            await page.Button("Καλέστε τον επόμενο").ClickAsync();
            await Expect(page.Locator("#cur-label")).ToHaveTextAsync(ticket);

            // R5 is for appointments: for a walk-in the button is off, and the screen says what to do instead.
            var defer = page.Button("Στο τέλος της ημέρας");
            await Expect(defer).ToBeDisabledAsync();
            await Expect(page.Locator("#defer-note")).ToBeVisibleAsync();
            await Expect(page.Locator("#defer-note")).ToContainTextAsync("«Διακοπή για το επόμενο ραντεβού»");
            await Expect(defer).ToHaveAttributeAsync("aria-describedby", "defer-note");
            await Expect(page.Locator("#cur-overdue")).ToBeHiddenAsync();

            // 25 minutes on a 10-minute service: a gentle flag, in words.
            app.Clock.SetUtcNow(Tue(9, 35, 1));
            await Expect(page.Locator("#cur-overdue")).ToBeVisibleAsync(new() { Timeout = 5000 });
            await Expect(page.Locator("#cur-overdue")).ToContainTextAsync("25′");
            await Expect(page.Locator("#cur-overdue")).ToContainTextAsync("10′");
            // The time at the desk says its unit: "25:01" alone reads like a time of day.
            await Expect(page.Locator("#cur-timer")).ToHaveTextAsync(new Regex(@"^2[56]:\d\d λεπτά$"));
            await AssertAccessibleAsync(page, "walk-in at the desk, overdue");
            await page.Button("Ολοκληρώθηκε").ClickAsync();
            await Expect(page.Locator("#current-empty")).ToBeVisibleAsync();
            // What was done is said (role=status), and the focus goes to "call next", not lost with the disabled button.
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = ticket })).ToHaveTextAsync($"{ticket}: ολοκληρώθηκε.");
            await Expect(page.Button("Καλέστε τον επόμενο")).ToBeFocusedAsync();
            await Expect(page.Locator("#cur-overdue")).ToBeHiddenAsync();
            await Expect(page.Locator("#defer-note")).ToBeHiddenAsync();

            // 10:05: the 10:30 appointment came early and is called; "did not come" asks first, naming the time.
            app.Clock.SetUtcNow(Tue(10, 0));
            Assert.Equal("CheckedIn", await app.CheckInAsync(early));
            app.Clock.SetUtcNow(Tue(10, 5));
            await page.Button("Καλέστε τον επόμενο").ClickAsync();
            await Expect(page.Locator("#cur-label")).ToHaveTextAsync(Core.Booking.BookingCode.Display(early));
            await Expect(defer).ToBeEnabledAsync();
            await page.Button("Δεν εμφανίστηκε").ClickAsync();
            var ask = page.GetByRole(AriaRole.Group, new() { Name = "Το ραντεβού είναι στις 10:30" });
            await Expect(ask).ToBeVisibleAsync();
            await Expect(ask).ToContainTextAsync("παρ’ όλα αυτά;");
            await Expect(page.Button("Ναι, δεν εμφανίστηκε")).ToBeFocusedAsync();
            await AssertAccessibleAsync(page, "no-show confirmation");
            await page.Keyboard.PressAsync("Escape");
            await Expect(ask).ToBeHiddenAsync();
            await Expect(page.Button("Δεν εμφανίστηκε")).ToBeFocusedAsync();
            await Expect(page.Locator("#cur-label")).ToHaveTextAsync(Core.Booking.BookingCode.Display(early));

            await page.Button("Δεν εμφανίστηκε").ClickAsync();
            await page.Button("Ναι, δεν εμφανίστηκε").ClickAsync();
            await Expect(page.Locator("#current-empty")).ToBeVisibleAsync();
            await Expect(page.Locator("#day tr", new() { HasText = Core.Booking.BookingCode.Display(early) })).ToContainTextAsync("Δεν εμφανίστηκε");
            // What an action did is said, then cleared after a few seconds, so it does not linger over the next person.
            var said = page.Locator("#message");
            await Expect(said).ToHaveTextAsync($"{Core.Booking.BookingCode.Display(early)}: καταγράφηκε ότι δεν εμφανίστηκε.");
            await Expect(said).ToBeHiddenAsync(new() { Timeout = 15000 });
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task DocumentTicks_AreSaved_WithWhoAndWhen_AndSurviveAReload()
    {
        await using var app = await DeskOneDayAsync();
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "el-GR" });
        try
        {
            var (page, code) = await app.CallNineOClockAsync(context);

            var print = page.GetByLabel("Αίτηση εκτύπωσης νέου εντύπου (κάρτα)");
            var photos = page.GetByLabel("Πρόσφατες έγχρωμες φωτογραφίες", new() { Exact = false });
            await Expect(print).ToBeEnabledAsync();
            await print.CheckAsync();
            await Expect(page.Locator("#doc-meta-1")).ToContainTextAsync("Υπάλληλος 1");
            await Expect(page.Locator("#doc-meta-1")).ToContainTextAsync("09:00");
            // By keyboard too: Space ticks the focused box.
            await photos.FocusAsync();
            await page.Keyboard.PressAsync("Space");
            await Expect(photos).ToBeCheckedAsync();
            var photosMeta = page.Locator("#cur-docs li", new() { Has = photos }).Locator(".doc-meta");
            await Expect(photosMeta).ToContainTextAsync("Υπάλληλος 1");

            await page.ReloadAsync();
            await Expect(print).ToBeCheckedAsync();
            await Expect(photos).ToBeCheckedAsync();
            await Expect(page.Locator("#cur-docs input:checked")).ToHaveCountAsync(2);
            await Expect(page.Locator("#doc-meta-1")).ToContainTextAsync("Υπάλληλος 1");
            await AssertAccessibleAsync(page, "documents checklist");

            await print.UncheckAsync();
            await Expect(page.Locator("#doc-meta-1")).ToBeEmptyAsync();
            await page.ReloadAsync();
            await Expect(photos).ToBeCheckedAsync();
            await Expect(print).Not.ToBeCheckedAsync();

            // WCAG reflow: at 320 px the page does not scroll sideways; the day's table scrolls in its own region.
            await page.SetViewportSizeAsync(320, 800);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 320"),
                "the clerk screen scrolls sideways at 320 px: " + await page.EvaluateAsync<string>(
                    "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 321).map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 8).join(' ')"));
            await AssertAccessibleAsync(page, "narrow");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    static Task AssertAccessibleAsync(IPage page, string what) => Axe.AssertNoSeriousViolationsAsync(page, what);
}
