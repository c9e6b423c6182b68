using System.Diagnostics;
using Microsoft.Playwright;
using Rantevou.Core.Booking;
using Rantevou.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>
/// One whole office day through the real screens, with the server's clock moving from 07:50 to 14:00 (R3–R6, R9–R11,
/// R13): 19 booked people and 6 walk-ins, a kiosk, the waiting-room display, the clerk screen of desk 1, the citizens'
/// own pages and an administrator. Desk 4 works through the API. Each step asserts what each screen shows, runs axe on
/// it, and the key moments are saved to docs/screenshots/day/.
/// </summary>
[Collection(LongBrowserCollection.Name)]
public sealed class DayInTheLifeTests(BrowserFixture browser)
{
    static readonly LocatorAssertionsToBeVisibleOptions Quickly = new() { Timeout = 5000 };

    [Fact]
    public async Task AWholeDay_OnTimeEarlyLateExpiredNoShowWalkInsInterruptionVoidReschedulingAndClosing()
    {
        await using var smtp = SmtpTestServer.Start();
        var app = new LiveApp { Smtp = smtp };
        // R5 by itself: the expiry scheduler runs on the moving clock, as in production.
        app.Settings["Rantevou:Expiry:Enabled"] = "true";
        app.Start();
        var screens = new Screens(browser.Browser, new() { Locale = "el-GR", ViewportSize = new() { Width = 1366, Height = 900 } });
        try
        {
            var day = new OfficeDay(app, smtp);
            await LiveAsync(day, screens);
        }
        catch
        {
            // What each screen showed when the day went wrong, for whoever reads the failure.
            var n = 0;
            foreach (var page in screens.Pages)
                await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"rantevou-day-failure-{++n}.png") });
            throw;
        }
        finally
        {
            await screens.DisposeAsync();
            await app.DisposeAsync();
        }
    }

    static async Task LiveAsync(OfficeDay day, Screens screens)
    {
        // Tuesday 08:00: the day before, people book online and confirm from their email.
        await day.OnlyDesksAsync(1, 4);
        var renewal = await day.ServiceAsync("Driving licence renewal");
        var transfer = await day.ServiceAsync("Transfer of");
        var anna = await day.BookAsync(renewal, OfficeDay.Wed(9, 0), "Anna");
        var babis = await day.BookAsync(renewal, OfficeDay.Wed(9, 15), "Babis");
        var christos = await day.BookAsync(renewal, OfficeDay.Wed(9, 30), "Christos");
        var dimitra = await day.BookAsync(renewal, OfficeDay.Wed(10, 0), "Dimitra");
        var eleni = await day.BookAsync(renewal, OfficeDay.Wed(10, 30), "Eleni");
        var fotis = await day.BookAsync(renewal, OfficeDay.Wed(10, 45), "Fotis");
        var giorgos = await day.BookAsync(renewal, OfficeDay.Wed(11, 0), "Giorgos");
        var hara = await day.BookAsync(renewal, OfficeDay.Wed(11, 15), "Hara");
        var ilias = await day.BookAsync(renewal, OfficeDay.Wed(11, 30), "Ilias");
        var yannis = await day.BookAsync(renewal, OfficeDay.Wed(12, 0), "Yannis");
        var kostas = await day.BookAsync(renewal, OfficeDay.Wed(12, 15), "Kostas");
        var lena = await day.BookAsync(renewal, OfficeDay.Wed(12, 30), "Lena");
        var manos = await day.BookAsync(renewal, OfficeDay.Wed(13, 15), "Manos");
        var nikos = await day.BookAsync(transfer, OfficeDay.Wed(9, 0), "Nikos");
        var olga = await day.BookAsync(transfer, OfficeDay.Wed(10, 30), "Olga");
        var petros = await day.BookAsync(transfer, OfficeDay.Wed(11, 0), "Petros");
        var rena = await day.BookAsync(transfer, OfficeDay.Wed(12, 30), "Rena");
        var sofia = await day.BookAsync(renewal, OfficeDay.Wed(10, 0).AddDays(2), "Sofia");
        var takis = await day.BookAsync(renewal, OfficeDay.Wed(11, 0).AddDays(2), "Takis");
        await day.NewMailAsync();

        // 07:50 Wednesday: the lobby screens come on, the clerk of desk 1 signs in.
        day.At(7, 50);
        var kiosk = await screens.OpenAsync();
        await kiosk.SetViewportSizeAsync(1280, 1024);
        await kiosk.GotoAsync(day.App.BaseUrl + "/kiosk");
        var display = await screens.OpenAsync();
        await display.SetViewportSizeAsync(1920, 1080);
        await display.GotoAsync(day.App.BaseUrl + "/display");
        var clerk = await screens.OpenAsync();
        await SignInAsync(clerk, day.App.BaseUrl, "clerk1@example.org");
        await Expect(clerk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("1");
        var desk4 = await day.ClerkApiAsync("clerk4@example.org");
        var desk4Id = await day.DeskIdAsync(4);
        await Expect(display.Locator("#next")).ToContainTextAsync(anna.Label);
        await Expect(display.Locator("#next")).ToContainTextAsync(nikos.Label);
        await Expect(clerk.Locator("#day tr")).ToHaveCountAsync(13);
        await Expect(clerk.Locator("#current-empty")).ToBeVisibleAsync();
        await day.ShotAsync(display, "display-morning");
        await OfficeDay.AccessibleAsync("07:50", kiosk, display, clerk);

        // 07:55: someone wants a walk-in ticket before opening (R6): told at once, before choosing a service.
        day.At(7, 55);
        await kiosk.Locator("#walkin-start").ClickAsync();
        await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "Closed");
        await Expect(kiosk.Locator("#result-message")).ToHaveTextAsync("Το γραφείο είναι κλειστό τώρα. Ανοίγει σήμερα στις 08:00.");
        await Expect(kiosk.Locator("#screen-services")).ToBeHiddenAsync();
        await CloseResultAsync(kiosk);

        // 08:05: Babis comes an hour early: told when check-in opens. A first walk-in takes a ticket (R6).
        day.At(8, 5);
        await ScanAsync(kiosk, babis);
        await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "Early");
        await Expect(kiosk.Locator("#result-message")).ToContainTextAsync("08:15");
        await CloseResultAsync(kiosk);
        var w1 = await WalkInAsync(kiosk, "Ανανέωση άδειας οδήγησης", null);
        await Expect(kiosk.Locator("#ticket-wait")).ToHaveTextAsync("Θα κληθείτε σε λίγο"); // the desk is free: not "about 0 minutes"
        await Expect(display.Locator("#walkins")).ToContainTextAsync(w1);
        await day.ShotAsync(kiosk, "kiosk-walkin-ticket");
        await OfficeDay.AccessibleAsync("08:05 walk-in ticket", kiosk);
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Αρχή" }).ClickAsync();

        // 08:06: the desk is free until 09:00: the walk-in is called into the gap (R6) and shown on the display.
        day.At(8, 6);
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(w1);
        await Expect(display.Locator(".desk:not(.free) .desk-code").First).ToHaveTextAsync(w1);
        day.At(8, 20);
        await CompleteAsync(clerk);
        await Expect(clerk.Locator("#current-empty")).ToBeVisibleAsync();

        // 08:50: Anna and Nikos arrive on time and scan their QR codes.
        day.At(8, 50);
        await ScanAsync(kiosk, anna);
        await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "CheckedIn");
        await Expect(kiosk.Locator("#result-message")).ToContainTextAsync(anna.Label);
        await ScanAsync(kiosk, nikos);
        await Expect(kiosk.Locator("#result-message")).ToContainTextAsync(nikos.Label);
        await Expect(clerk.Locator("#day tr", new() { HasText = anna.Label })).ToContainTextAsync("Έφτασε");
        await Expect(display.Locator("#next tr", new() { HasText = anna.Label })).ToContainTextAsync("✓");

        // 09:00: desk 1 calls Anna, desk 4 Nikos; the display shows both within a second.
        day.At(9, 0);
        var watch = Stopwatch.StartNew();
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(display.Locator(".desk.fresh .desk-code", new() { HasText = anna.Label })).ToBeVisibleAsync(new() { Timeout = 1000 });
        Assert.True(watch.ElapsedMilliseconds < 1500, $"display took {watch.ElapsedMilliseconds} ms");
        await Expect(clerk.Locator("#cur-name")).ToContainTextAsync("Anna");
        await CallApiAsync(desk4, desk4Id, "call-next");
        await Expect(display.Locator(".desk-code", new() { HasText = nikos.Label })).ToBeVisibleAsync();
        await day.ShotAsync(clerk, "clerk-serving");
        await OfficeDay.AccessibleAsync("09:00 serving", clerk, display);

        // 09:05 Babis again, now inside the check-in window; Anna done at 09:14, Babis called at 09:15.
        day.At(9, 5);
        await ScanAsync(kiosk, babis);
        await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "CheckedIn");
        day.At(9, 14);
        await CompleteAsync(clerk);
        day.At(9, 15);
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(babis.Label);
        await CallApiAsync(desk4, desk4Id, "complete");
        day.At(9, 29);
        await CompleteAsync(clerk);

        // 09:36: Christos is 6 minutes late, within the grace time, and there is room before the next appointment at
        // 10:00 (R5: served, marked late).
        day.At(9, 36);
        await ScanAsync(kiosk, christos);
        await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "CheckedIn");
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(christos.Label);
        await Expect(clerk.Locator("#cur-kind")).ToHaveTextAsync("Καθυστέρησε");

        // 09:48–09:49: two walk-ins; the second has priority (R6) and goes first in the walk-in order.
        day.At(9, 48);
        var w2 = await WalkInAsync(kiosk, "Ανανέωση άδειας οδήγησης", null);
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Αρχή" }).ClickAsync();
        day.At(9, 49);
        var w3 = await WalkInAsync(kiosk, "Ανανέωση άδειας οδήγησης", "Elderly");
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Αρχή" }).ClickAsync();
        await Expect(display.Locator("#walkins li").First).ToContainTextAsync(w3);
        await Expect(display.Locator("#walkins")).ToContainTextAsync(w2);
        day.At(9, 51);
        await CompleteAsync(clerk);

        // 09:52: Dimitra is due at 10:00 and not here yet; 8 minutes is no gap for a 15-minute service, so nobody is
        // called (R6: walk-ins only in gaps long enough), and the clerk screen says why.
        day.At(9, 52);
        // Dimitra follows her booking on her phone, a page she never reloads.
        var dimitraPage = await screens.OpenAsync();
        var joined = day.LiveScreens();
        await dimitraPage.GotoAsync($"{day.App.BaseUrl}/b/{dimitra.Code}?token={Uri.EscapeDataString(dimitra.ManageToken)}");
        await Expect(dimitraPage.Locator(".facts .status")).ToHaveTextAsync("Επιβεβαιωμένο");
        await WaitForAsync(() => Task.FromResult(day.LiveScreens() > joined), "Dimitra's page joined the live screens");
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#message")).ToBeVisibleAsync();
        await Expect(clerk.Locator("#current-empty")).ToBeVisibleAsync();
        // Whether the gap is long enough is the clerk's judgement (R6): the screen offers to call the first walk-in
        // anyway; this clerk judges eight minutes too short and leaves it.
        await Expect(clerk.Locator("#call-judged")).ToHaveTextAsync($"Το κενό φτάνει: καλέστε το {w3}");

        // 10:05: Dimitra is late; her page says by itself until when the kiosk still takes her (R5).
        day.At(10, 5);
        await Expect(dimitraPage.Locator("#live-state")).ToContainTextAsync("έως τις 10:10", new() { Timeout = 10000 });
        // The clerk's list says the same of her row, so nobody is surprised when it expires.
        await Expect(clerk.Locator("#day tr", new() { HasText = dimitra.Label })).ToContainTextAsync("δεν ήρθε ακόμη, λήγει στις 10:10");

        // 10:11: nobody has scanned Dimitra's 10:00 booking: the scheduler expired it by itself at 10:10 (R5), with an
        // email. The gap until Eleni at 10:30 now takes the priority walk-in (R6).
        day.At(10, 11);
        await WaitForAsync(async () => await day.StatusAsync(dimitra) == BookingStatus.Expired, "Dimitra expired at 10:10");
        await Expect(display.Locator("#next")).Not.ToContainTextAsync(dimitra.Label);
        // Her page says so by itself: expired, and no change or cancel buttons for a booking that is gone.
        await Expect(dimitraPage.Locator(".facts .status")).ToHaveTextAsync("Έληξε (καθυστέρηση)");
        await Expect(dimitraPage.GetByRole(AriaRole.Link, new() { Name = "Αλλαγή ώρας" })).ToHaveCountAsync(0);
        await Expect(dimitraPage.GetByRole(AriaRole.Link, new() { Name = "Κλείστε νέο ραντεβού" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/\\?office=[a-z0-9-]+$"));
        Assert.Contains(await day.NewMailAsync(), m => m.To.ToString().Contains(dimitra.Email, StringComparison.Ordinal));
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(w3);
        await Expect(clerk.Locator("#call-judged")).ToBeHiddenAsync();

        // 10:18: Dimitra arrives after all; R5 still lets her choose the end of the day. Then Eleni scans at the same
        // kiosk: she sees her own answer only, and nothing of Dimitra's choice is left to tap.
        day.At(10, 18);
        await ScanAsync(kiosk, dimitra);
        await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "Expired");
        var endOfDay = kiosk.Locator("#end-of-day");
        await Expect(endOfDay).ToBeVisibleAsync();
        await day.ShotAsync(kiosk, "kiosk-late-choice");
        await OfficeDay.AccessibleAsync("10:18 late choice", kiosk);
        await endOfDay.ClickAsync();
        await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "Deferred");
        Assert.Equal(BookingStatus.Deferred, await day.StatusAsync(dimitra));
        day.At(10, 19);
        await ScanAsync(kiosk, eleni);
        await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "CheckedIn");
        await Expect(kiosk.Locator("#result-message")).ToContainTextAsync(eleni.Label);
        await Expect(kiosk.Locator("#result-message")).Not.ToContainTextAsync(dimitra.Label);
        await Expect(endOfDay).ToBeHiddenAsync();
        await OfficeDay.AccessibleAsync("10:19 second visitor", kiosk);
        Assert.Equal(BookingStatus.CheckedIn, await day.StatusAsync(eleni));

        // 10:25: Fotis moves his 10:45 to 12:45 and Giorgos cancels his 11:00 from their own pages: the display
        // follows within a second (principle 1: the holder's changes are changes of the day).
        day.At(10, 25);
        var citizen = await screens.OpenAsync();
        await citizen.GotoAsync($"{day.App.BaseUrl}/b/{fotis.Code}/reschedule?token={Uri.EscapeDataString(fotis.ManageToken)}&date=2026-12-02");
        await citizen.GetByLabel("12:45", new() { Exact = true }).CheckAsync();
        watch.Restart();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Αλλαγή στη νέα ώρα" }).ClickAsync();
        await Expect(display.Locator("#next tr", new() { HasText = fotis.Label })).ToContainTextAsync("12:45", new() { Timeout = 1000 });
        Assert.True(watch.ElapsedMilliseconds < 2000, $"reschedule reached the display after {watch.ElapsedMilliseconds} ms");
        await citizen.GotoAsync($"{day.App.BaseUrl}/b/{giorgos.Code}/cancel?token={Uri.EscapeDataString(giorgos.ManageToken)}");
        watch.Restart();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Ναι, ακύρωση" }).ClickAsync();
        await Expect(display.Locator("#next")).Not.ToContainTextAsync(giorgos.Label, new() { Timeout = 1000 });
        Assert.True(watch.ElapsedMilliseconds < 2000, $"cancel reached the display after {watch.ElapsedMilliseconds} ms");
        await Expect(clerk.Locator("#day tr", new() { HasText = giorgos.Label })).ToHaveCountAsync(0);
        await citizen.CloseAsync();
        day.At(10, 26);
        await CompleteAsync(clerk);

        // 10:30 Eleni on time; desk 4 serves Olga.
        day.At(10, 30);
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(eleni.Label);
        await ScanAsync(kiosk, olga);
        await CallApiAsync(desk4, desk4Id, "call-next");
        day.At(10, 44);
        await CompleteAsync(clerk);
        await CallApiAsync(desk4, desk4Id, "complete");

        // 10:45: with Fotis moved and Giorgos gone, the gap until Hara at 11:15 takes the other walk-in.
        day.At(10, 45);
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(w2);
        day.At(11, 0);
        await CompleteAsync(clerk);

        // 11:05 Hara, Ilias and Petros check in; 11:15 Hara is called, but her booking was made with another person's
        // details: the clerk voids it with a reason (R9) and Hara is told by email, in Greek.
        day.At(11, 5);
        await ScanAsync(kiosk, hara);
        await ScanAsync(kiosk, ilias);
        await ScanAsync(kiosk, petros);
        await CallApiAsync(desk4, desk4Id, "call-next");
        day.At(11, 15);
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(hara.Label);
        await clerk.Locator("#void-open").ClickAsync();
        await clerk.Locator("#void-reason").FillAsync("Λάθος στοιχεία: το ραντεβού είναι στο όνομα άλλου προσώπου");
        await ClickAsync(clerk, "Ακύρωση ως άκυρο");
        await Expect(clerk.Locator("#current-empty")).ToBeVisibleAsync();
        Assert.Equal(BookingStatus.Void, await day.StatusAsync(hara));
        var voided = Assert.Single(await day.NewMailAsync(), m => m.To.ToString().Contains(hara.Email, StringComparison.Ordinal));
        Assert.Contains("στο όνομα άλλου προσώπου", voided.TextBody, StringComparison.Ordinal);

        // 11:30 Ilias is called and does not come to the desk: a no-show (R12), recorded after his time.
        day.At(11, 30);
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(ilias.Label);
        day.At(11, 33);
        await ClickAsync(clerk, "Δεν εμφανίστηκε");
        // It counts against him (R12) and is final: the screen asks once more, and nothing is recorded until then.
        await Expect(clerk.Locator("#noshow-question")).ToContainTextAsync($"{ilias.Label} δεν εμφανίστηκε;");
        Assert.Equal(BookingStatus.Called, await day.StatusAsync(ilias));
        await ClickAsync(clerk, "Ναι, δεν εμφανίστηκε");
        await Expect(clerk.Locator("#current-empty")).ToBeVisibleAsync();
        Assert.Equal(BookingStatus.NoShow, await day.StatusAsync(ilias));
        await CallApiAsync(desk4, desk4Id, "complete");

        // 11:40 a walk-in fills the gap before Yannis's 12:00 (R6); Yannis checks in at 11:55. At 12:00, with nobody
        // clicking anything, the clerk screen says by itself that the next appointment is due (R13).
        day.At(11, 40);
        var w4 = await WalkInAsync(kiosk, "Ανανέωση άδειας οδήγησης", null);
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Αρχή" }).ClickAsync();
        day.At(11, 41);
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(w4);
        day.At(11, 55);
        await ScanAsync(kiosk, yannis);
        await Expect(clerk.Locator("#interruption")).ToBeHiddenAsync();
        day.At(12, 0);
        await Expect(clerk.Locator("#interruption")).ToBeVisibleAsync(Quickly);
        await Expect(clerk.Locator("#interruption")).ToContainTextAsync(yannis.Label);
        await day.ShotAsync(clerk, "clerk-interruption");
        await OfficeDay.AccessibleAsync("12:00 interruption", clerk, display);
        await InEnglishAsync(day, (kiosk, display, clerk), "12:00 interruption, in English", async (kioskEn, displayEn, clerkEn) =>
        {
            await Expect(clerkEn.Locator("#interruption")).ToBeVisibleAsync(Quickly);
            await Expect(displayEn.Locator("#h-walkins")).ToHaveTextAsync("Walk-ins");
            await Expect(kioskEn.Locator("#walkin-start")).ToBeVisibleAsync();
        });
        // The walk-in steps back to the front of the walk-in queue; Yannis is served.
        await ClickAsync(clerk, "Διακοπή για το επόμενο ραντεβού");
        await Expect(display.Locator("#walkins li").First).ToContainTextAsync(w4);
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(yannis.Label);
        await Expect(clerk.Locator("#interruption")).ToBeHiddenAsync();
        day.At(12, 13);
        await CompleteAsync(clerk);

        // 12:14–12:58: Kostas, Rena at desk 4, Lena, Fotis at his new time.
        await ServeAsync(day, kiosk, clerk, kostas, (12, 14), (12, 15), (12, 29));
        await ScanAsync(kiosk, rena);
        await CallApiAsync(desk4, desk4Id, "call-next");
        await ServeAsync(day, kiosk, clerk, lena, (12, 29), (12, 30), (12, 44));
        await CallApiAsync(desk4, desk4Id, "complete");
        await ServeAsync(day, kiosk, clerk, fotis, (12, 44), (12, 45), (12, 58));

        // 12:59: the gap before Manos at 13:15 takes the interrupted walk-in (R13: back for the next gap).
        day.At(12, 59);
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(w4);
        day.At(13, 12);
        await CompleteAsync(clerk);

        // Manos never comes for 13:15 and expires at 13:25 by itself (R5); a fifth walk-in arrives at 13:26.
        day.At(13, 26);
        await WaitForAsync(async () => await day.StatusAsync(manos) == BookingStatus.Expired, "Manos expired at 13:25");
        var w5 = await WalkInAsync(kiosk, "Ανανέωση άδειας οδήγησης", null);
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Αρχή" }).ClickAsync();

        // 13:27: after the scheduled appointments, the end-of-day people (R5) and the walk-ins (R6) before closing.
        day.At(13, 27);
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(dimitra.Label);
        day.At(13, 40);
        await CompleteAsync(clerk);
        Assert.Equal(BookingStatus.Served, await day.StatusAsync(dimitra));
        day.At(13, 41);
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(w5);

        // 13:50 one more walk-in cannot be served before 14:00, and the kiosk says so honestly (R6).
        day.At(13, 50);
        await kiosk.Locator("#walkin-start").ClickAsync();
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Ανανέωση άδειας οδήγησης" }).ClickAsync();
        await kiosk.Locator("[data-priority='']").ClickAsync();
        await Expect(kiosk.Locator("#result")).ToBeVisibleAsync();
        await Expect(kiosk.Locator("#screen-ticket")).ToBeHiddenAsync();
        await day.ShotAsync(kiosk, "kiosk-no-time-left");
        await CloseResultAsync(kiosk);
        day.At(13, 55);
        await CompleteAsync(clerk);

        // 13:56 the administrator closes Friday (a strike is announced): the page lists Sofia's and Takis's bookings,
        // and only on confirmation cancels them, each with an email (R11, R2).
        day.At(13, 56);
        // The administrator works on their own computer (their own sign-in, not the clerk's).
        var admin = await screens.OpenAsync();
        await AdminClosesFridayAsync(day, admin, sofia, takis);

        // 14:00 closing: the display says the office is closed.
        day.At(14, 0);
        await WaitForAsync(() => day.App.WithDbAsync(db =>
            Task.FromResult(db.OfficeDays.Any(d => d.Day == new DateOnly(2026, 12, 2) && d.ClosedUtc != null))), "the day closed at 14:00");
        await Expect(display.Locator("#closed")).ToBeVisibleAsync(Quickly);
        await day.ShotAsync(display, "display-closed");
        await OfficeDay.AccessibleAsync("14:00 closed", display, kiosk, clerk);

        // The day as recorded: every booked person ended where the day took them.
        Assert.Equal(
            [BookingStatus.Served, BookingStatus.Served, BookingStatus.Served, BookingStatus.Served, BookingStatus.Served,
             BookingStatus.Served, BookingStatus.Cancelled, BookingStatus.Void, BookingStatus.NoShow, BookingStatus.Served,
             BookingStatus.Served, BookingStatus.Served, BookingStatus.Expired],
            [.. await Task.WhenAll(new[] { anna, babis, christos, dimitra, eleni, fotis, giorgos, hara, ilias, yannis, kostas, lena, manos }
                .Select(day.StatusAsync))]);
    }

    /// <summary>
    /// The same three screens in English (Greek first, English second), each in a new tab of its screen's window (the
    /// clerk's keeps its sign-in), checked and put through axe, then closed.
    /// </summary>
    static async Task InEnglishAsync(OfficeDay day, (IPage Kiosk, IPage Display, IPage Clerk) greek, string moment,
        Func<IPage, IPage, IPage, Task> check)
    {
        var kiosk = await greek.Kiosk.Context.NewPageAsync();
        await kiosk.GotoAsync(day.App.BaseUrl + "/kiosk?culture=en");
        var display = await greek.Display.Context.NewPageAsync();
        await display.SetViewportSizeAsync(1920, 1080);
        await display.GotoAsync(day.App.BaseUrl + "/display?culture=en");
        var clerk = await greek.Clerk.Context.NewPageAsync();
        await clerk.GotoAsync(day.App.BaseUrl + "/clerk?culture=en");
        await check(kiosk, display, clerk);
        await OfficeDay.AccessibleAsync(moment, kiosk, display, clerk);
        // The chosen language sticks (a cookie in each window): the office's screens go back to Greek.
        foreach (var (page, path) in new[] { (kiosk, "/kiosk"), (display, "/display"), (clerk, "/clerk") })
        {
            await page.GotoAsync(day.App.BaseUrl + path + "?culture=el");
            await page.CloseAsync();
        }
    }

    /// <summary>Scans at the kiosk, then serves the person at desk 1: times as (hour, minute).</summary>
    static async Task ServeAsync(OfficeDay day, IPage kiosk, IPage clerk, Person p, (int H, int M) arrive, (int H, int M) call, (int H, int M) done)
    {
        day.At(arrive.H, arrive.M);
        await ScanAsync(kiosk, p);
        await Expect(kiosk.Locator("#result")).ToHaveAttributeAsync("data-status", "CheckedIn");
        day.At(call.H, call.M);
        await ClickAsync(clerk, "Καλέστε τον επόμενο");
        await Expect(clerk.Locator("#cur-label")).ToHaveTextAsync(p.Label);
        day.At(done.H, done.M);
        await CompleteAsync(clerk);
        await Expect(clerk.Locator("#current-empty")).ToBeVisibleAsync();
    }

    static async Task AdminClosesFridayAsync(OfficeDay day, IPage admin, Person sofia, Person takis)
    {
        await admin.GotoAsync(day.App.BaseUrl + "/admin/calendar");
        // The clerk's browser profile is signed in as a clerk: the administrator signs in on their own screen.
        await admin.GetByLabel("Email").FillAsync("admin@example.org");
        await admin.GetByLabel("Κωδικός πρόσβασης").FillAsync("Demo!2026");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Σύνδεση" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/calendar$"));
        var form = admin.Locator("form", new() { Has = admin.GetByLabel("Κλειστά όλη την ημέρα") });
        await form.GetByLabel("Ημερομηνία").FillAsync("2026-12-04");
        await form.GetByLabel("Κλειστά όλη την ημέρα").CheckAsync();
        await form.GetByLabel("Όνομα (ελληνικά)").FillAsync("Στάση εργασίας");
        await form.GetByLabel("Όνομα (αγγλικά)").FillAsync("Work stoppage");
        await form.GetByRole(AriaRole.Button, new() { Name = "Αποθήκευση", Exact = true }).ClickAsync();
        var affected = admin.GetByRole(AriaRole.Alert);
        await Expect(affected).ToContainTextAsync(sofia.Label);
        await Expect(affected).ToContainTextAsync(takis.Label);
        Assert.Equal(BookingStatus.Confirmed, await day.StatusAsync(sofia));
        await day.ShotAsync(admin, "admin-close-friday");
        await OfficeDay.AccessibleAsync("13:56 admin confirm", admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Επιβεβαίωση: αποθήκευση και ακύρωση 2 ραντεβού" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Ακυρώθηκαν 2 ραντεβού");
        await WaitForAsync(async () => await day.StatusAsync(sofia) == BookingStatus.Cancelled, "Sofia cancelled");
        Assert.Equal(BookingStatus.Cancelled, await day.StatusAsync(takis));
        var mails = await day.NewMailAsync();
        Assert.Contains(mails, m => m.To.ToString().Contains(sofia.Email, StringComparison.Ordinal));
        Assert.Contains(mails, m => m.To.ToString().Contains(takis.Email, StringComparison.Ordinal));
    }

    /// <summary>A USB scanner is a keyboard: fast keystrokes, then Enter, into the focused input.</summary>
    static async Task ScanAsync(IPage kiosk, Person p)
    {
        await Expect(kiosk.Locator("#qr")).ToBeFocusedAsync();
        await kiosk.Keyboard.TypeAsync(p.Qr);
        await kiosk.Keyboard.PressAsync("Enter");
        await Expect(kiosk.Locator("#result-message")).ToContainTextAsync(p.Label);
    }

    static async Task CloseResultAsync(IPage kiosk)
    {
        await kiosk.Locator("#result-close").ClickAsync();
        await Expect(kiosk.Locator("#result")).ToBeHiddenAsync();
    }

    /// <summary>Walk-in at the kiosk: service, priority, and the ticket's number as printed.</summary>
    static async Task<string> WalkInAsync(IPage kiosk, string service, string? priority)
    {
        await kiosk.Locator("#walkin-start").ClickAsync();
        await kiosk.GetByRole(AriaRole.Button, new() { Name = service }).ClickAsync();
        await kiosk.Locator($"[data-priority='{priority}']").ClickAsync();
        await Expect(kiosk.Locator("#screen-ticket")).ToBeVisibleAsync();
        return (await kiosk.Locator("#ticket-number").TextContentAsync())!.Trim();
    }

    /// <summary>The clerk completes and the screen shows the desk free before anything else happens.</summary>
    static async Task CompleteAsync(IPage clerk)
    {
        await ClickAsync(clerk, "Ολοκληρώθηκε");
        await Expect(clerk.Locator("#current-empty")).ToBeVisibleAsync();
    }

    /// <summary>Clicks once the screen's previous action has finished (the clerk screen ignores clicks while busy).</summary>
    static async Task ClickAsync(IPage page, string name)
    {
        await Expect(page.Locator("[aria-busy='true']")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
    }

    static async Task CallApiAsync(HttpClient desk, int deskId, string action)
    {
        var response = await desk.PostAsync($"/api/desks/{deskId}/{action}", null);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"waited 10 s for {what}");
            await Task.Delay(50);
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
