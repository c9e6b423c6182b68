using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>R11: closing a day, or shortening it, never silently drops the bookings on it.</summary>
public sealed class DayClosingTests : AdminTest
{
    static readonly SpecialDayEdit Closed = new(true, null, null, "Εξετάσεις οδήγησης", "Driving tests");

    [Fact]
    public async Task ClosingADayWithBookings_FirstListsThem_AndChangesNothing()
    {
        var service = await ServiceAsync();
        var starts = await FreeStartsAsync(service.Id, Wednesday);
        var a = await Http.BookOkAsync(service.Id, starts[0], "anna@example.org");
        var b = await Http.BookOkAsync(service.Id, starts[10], "babis@example.org");
        var version = (await Db(db => db.OfficeDays.MaxAsync(d => (long?)d.Version))) ?? 0;

        var response = await PutSpecialDayAsync(Wednesday, Closed);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(MessageKeys.AffectsBookings, problem.GetProperty("code").GetString());
        var codes = problem.GetProperty("affected").EnumerateArray().Select(x => x.GetProperty("code").GetString()).ToList();
        Assert.Equal([BookingCode.Display(a.Code), BookingCode.Display(b.Code)], codes);
        Assert.Empty((await Admin.GetFromJsonAsync<List<AdminSpecialDay>>("/api/admin/special-days"))!);
        Assert.Equal(["Pending", "Pending"], [await StatusAsync(a.Code), await StatusAsync(b.Code)]);
        Assert.True(await ClaimCountAsync(a.Code) > 0);
        Assert.NotEmpty(await FreeStartsAsync(service.Id, Wednesday));
        Assert.Equal(version, (await Db(db => db.OfficeDays.MaxAsync(d => (long?)d.Version))) ?? 0);
        Assert.Equal(["Created"], await MailKindsAsync(await IdOfAsync(a.Code)));
    }

    [Fact]
    public async Task ConfirmingTheClosing_CancelsEachBookingWithOneMail_AndFreesTheirTime()
    {
        var service = await ServiceAsync();
        var starts = await FreeStartsAsync(service.Id, Wednesday);
        var a = await Http.BookOkAsync(service.Id, starts[0], "anna@example.org");
        var b = await Http.BookOkAsync(service.Id, starts[1], "babis@example.org");
        Assert.Equal(2, await App.DispatchMailAsync());
        await Smtp.WaitForAsync(2);
        App.Clock.Advance(TimeSpan.FromMinutes(2));

        var response = await PutSpecialDayAsync(Wednesday, Closed, confirm: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<ChangeDone>())!.Cancelled.Count);
        Assert.Empty(await FreeStartsAsync(service.Id, Wednesday));
        Assert.Equal(["Cancelled", "Cancelled"], [await StatusAsync(a.Code), await StatusAsync(b.Code)]);
        Assert.Equal(0, await ClaimCountAsync(a.Code) + await ClaimCountAsync(b.Code));
        Assert.Equal(2, await App.DispatchMailAsync());
        var mails = await Smtp.WaitForAsync(4);
        foreach (var (code, email) in new[] { (a.Code, "anna@example.org"), (b.Code, "babis@example.org") })
        {
            var mail = mails.To(email, $"Το ραντεβού σας {BookingCode.Display(code)} ακυρώθηκε από την υπηρεσία");
            Assert.Contains("νέο ραντεβού", mail.TextBody, StringComparison.Ordinal);
            // Why, in the person's language: the special day's name, not only "the office changed its hours".
            Assert.Contains("Αιτιολογία: Εξετάσεις οδήγησης", mail.TextBody, StringComparison.Ordinal);
            Assert.Equal(["Created", "CancelledByOffice"], await MailKindsAsync(await IdOfAsync(code)));
        }

        // Opened again with the weekly hours, the times are free for others.
        Assert.Equal(HttpStatusCode.OK, (await Admin.DeleteAsync($"/api/admin/special-days/{Wednesday:yyyy-MM-dd}")).StatusCode);
        Assert.Contains(starts[0], await FreeStartsAsync(service.Id, Wednesday));
        Assert.Equal(HttpStatusCode.Created, (await Http.BookAsync(service.Id, starts[0], email: "next@example.org")).StatusCode);
    }

    [Fact]
    public async Task ShorterHoursOnADay_CancelOnlyTheBookingsLeftOutside()
    {
        var service = await ServiceAsync();
        var starts = await FreeStartsAsync(service.Id, Wednesday);
        var early = await Http.BookOkAsync(service.Id, starts.First(s => s.Hour == 9), "early@example.org");
        var late = await Http.BookOkAsync(service.Id, starts.Last(s => s.Hour == 12), "late@example.org");
        var shorter = new SpecialDayEdit(false, "08:00", "12:00", "Σύντομο ωράριο", "Short hours");

        var first = await PutSpecialDayAsync(Wednesday, shorter);
        Assert.Equal(HttpStatusCode.Conflict, first.StatusCode);
        var confirmed = await PutSpecialDayAsync(Wednesday, shorter, confirm: true);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal([BookingCode.Display(late.Code)], (await confirmed.Content.ReadFromJsonAsync<ChangeDone>())!.Cancelled.Select(c => c.Code));
        Assert.Equal("Pending", await StatusAsync(early.Code));
        Assert.Equal("Cancelled", await StatusAsync(late.Code));
        Assert.All(await Http.AvailabilityAsync(service.Id, Wednesday), s => Assert.True(s.End.Hour < 12 || s.End is { Hour: 12, Minute: 0 }));
    }

    [Fact]
    public async Task SwitchingADeskOff_ListsItsBookings_ThenCancelsThemWhenConfirmed()
    {
        var service = await ServiceAsync();
        var deskId = await ServeAtOneDeskAsync(service.Id);
        var booked = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0]);
        var desk = (await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.Single(d => d.Id == deskId);
        var off = new DeskEdit(desk.NameEl, desk.NameEn, false, desk.ServiceIds);

        Assert.Equal(HttpStatusCode.Conflict, (await Admin.PutAsJsonAsync($"/api/admin/desks/{deskId}", off)).StatusCode);
        Assert.Equal("Pending", await StatusAsync(booked.Code));
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync($"/api/admin/desks/{deskId}?confirm=true", off)).StatusCode);

        Assert.Equal("Cancelled", await StatusAsync(booked.Code));
        Assert.Empty(await FreeStartsAsync(service.Id, Wednesday));
    }
}
