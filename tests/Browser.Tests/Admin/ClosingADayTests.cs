using System.Net.Http.Json;
using Microsoft.Playwright;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Booking;
using Rantevou.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.Admin;

/// <summary>
/// R11 with R2, as an office admin does it: closing a day with bookings on it lists them first, cancels them only when
/// confirmed, and each person is told by email in their language. The pages stay accessible (axe) throughout.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClosingADayTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task AdminClosesADayWithBookings_SeesThem_Confirms_AndEachPersonIsTold()
    {
        using var api = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        var service = (await api.ServicesAsync()).First();
        var starts = (await api.AvailabilityAsync(service.Id, new DateOnly(2026, 12, 2))).Select(s => s.Start).ToList();
        var anna = await api.BookOkAsync(service.Id, starts[0], "anna@example.org");
        var john = (await (await api.PostAsJsonAsync("/api/bookings?culture=en",
            new CreateBookingRequest(service.Id, starts[4].ToString("O"), "John Smith", "john@example.org", "6971112233")))
            .Content.ReadFromJsonAsync<BookingCreatedDto>())!;
        await NextMailAsync(2);

        await SignInAsync("/admin/calendar", "admin@example.org");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/calendar$"));
        await CloseADayAsync("2026-12-02", "Απεργία", "Strike");

        var affected = Page.GetByRole(AriaRole.Alert);
        await Expect(affected).ToContainTextAsync("Η αλλαγή θα ακυρώσει αυτά τα ραντεβού");
        await Expect(affected).ToContainTextAsync(BookingCode.Display(anna.Code));
        await Expect(affected).ToContainTextAsync(BookingCode.Display(john.Code));
        await Expect(affected).ToContainTextAsync("a***@example.org");
        await Expect(affected.GetByRole(AriaRole.Columnheader, new() { Name = "Στην αίθουσα" })).ToHaveCountAsync(0); // another day: nobody is here
        await AssertAccessibleAsync("closing a day: the bookings it would cancel");
        Assert.Equal(0, await App.DispatchMailAsync());

        // The answer is next to the question, not under the long form it came from, with a way back that changes nothing.
        await Expect(affected.GetByRole(AriaRole.Link, new() { Name = "Όχι, καμία αλλαγή" })).ToHaveAttributeAsync("href", "/admin/calendar");
        await affected.GetByRole(AriaRole.Button, new() { Name = "Επιβεβαίωση: αποθήκευση και ακύρωση 2 ραντεβού" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ακυρώθηκαν 2 ραντεβού");
        var row = Page.Locator("tr", new() { HasText = "Απεργία" });
        await Expect(row).ToContainTextAsync("Κλειστά");
        await AssertAccessibleAsync("calendar after closing the day");
        await App.DispatchMailAsync();
        var mails = await Smtp.WaitForAsync(4);
        Assert.Contains(mails, m => m.To.Mailboxes.Single().Address == "anna@example.org"
            && m.Subject == $"Το ραντεβού σας {BookingCode.Display(anna.Code)} ακυρώθηκε από την υπηρεσία");
        Assert.Contains(mails, m => m.To.Mailboxes.Single().Address == "john@example.org"
            && m.Subject == $"Your appointment {BookingCode.Display(john.Code)} has been cancelled by the office");

        // Their own pages say so.
        await Page.GotoAsync($"/b/{anna.Code}?token={Uri.EscapeDataString(anna.ManageToken)}");
        await Expect(Page.Locator(".status")).ToHaveTextAsync("Ακυρωμένο");
    }
    [Fact]
    public async Task AdminClosesTodayWithAWalkInWaiting_IsToldFirst_AndTheDisplayShowsTheOfficeClosed()
    {
        // Tuesday 09:00 in Athens, the office open; one walk-in waits in the room.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(2)));
        using var kiosk = App.CreateClient().AsDevice(await App.PairDeviceAsync());
        var service = (await kiosk.ServicesAsync()).First();
        Assert.Equal(System.Net.HttpStatusCode.Created,
            (await kiosk.PostAsJsonAsync("/api/kiosk/walkins", new Rantevou.Contracts.Queue.WalkInRequest(service.Id, null))).StatusCode);
        var display = await Context.NewPageAsync();
        await display.GotoAsync(App.BaseUrl + "/display");
        await Expect(display.Locator("#walkins")).ToContainTextAsync("001");

        await SignInAsync("/admin/calendar", "admin@example.org");
        await CloseADayAsync("2026-12-01", "Διακοπή ρεύματος", "Power cut");

        var asked = Page.GetByRole(AriaRole.Alert);
        await Expect(asked).ToContainTextAsync("Η αλλαγή κλείνει το γραφείο για σήμερα");
        await Expect(asked).ToContainTextAsync("Εισιτήρια χωρίς ραντεβού σε αναμονή: 1.");
        await AssertAccessibleAsync("closing today: the walk-ins still waiting");
        await Expect(display.Locator("#closed")).ToBeHiddenAsync();

        await asked.GetByRole(AriaRole.Button, new() { Name = "Επιβεβαίωση: αποθήκευση και κλείσιμο για σήμερα" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Εισιτήρια χωρίς ραντεβού που έκλεισαν: 1.");
        await Expect(display.Locator("#closed")).ToBeVisibleAsync();
        await Expect(display.Locator("#walkins")).Not.ToContainTextAsync("001");
    }

    /// <summary>The calendar page's special-day form: the day closed all day, with its name in both languages.</summary>
    async Task CloseADayAsync(string date, string nameEl, string nameEn)
    {
        var form = Page.Locator("form", new() { Has = Page.GetByLabel("Κλειστά όλη την ημέρα") });
        await form.GetByLabel("Ημερομηνία").FillAsync(date);
        await form.GetByLabel("Κλειστά όλη την ημέρα").CheckAsync();
        await form.GetByLabel("Όνομα (ελληνικά)").FillAsync(nameEl);
        await form.GetByLabel("Όνομα (αγγλικά)").FillAsync(nameEn);
        await form.GetByRole(AriaRole.Button, new() { Name = "Αποθήκευση", Exact = true }).ClickAsync();
    }
}
