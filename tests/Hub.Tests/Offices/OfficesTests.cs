using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Contracts.Booking;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Demo;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Offices;

/// <summary>
/// A directorate of several offices: the directorate's administrator adds an office from the catalogue, and every
/// office keeps its own services, desks, staff and queue. The demo has two (<see cref="DemoSeeder"/>).
/// </summary>
public sealed class OfficesTests : LiveDayTest
{
    const string Directorate = "directorate@example.org";

    static object NewOffice(string slug = "kozani", int desks = 3, string open = "08:30", string close = "13:00", int[]? days = null,
        string[]? services = null, string nameEl = "Γραφείο Κοζάνης", string nameEn = "Kozani office") => new
        {
            slug,
            nameEl,
            nameEn,
            desks,
            open,
            close,
            days = days ?? [1, 2, 3, 4, 5],
            services = services ?? ["licence-renewal", "vehicle-transfer"],
        };

    [Fact]
    public async Task DirectoratesAdmin_AddsAnOfficeFromTheCatalogue_AndCitizensBookThereAtItsHours()
    {
        var director = (await Clerk.LoginAsync(App, Directorate)).Http;

        var created = await director.PostAsJsonAsync("/api/admin/offices", NewOffice());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var office = (await created.Content.ReadFromJsonAsync<OfficeSummary>())!;
        Assert.Equal(("kozani", "Γραφείο Κοζάνης", "Kozani office", 3, 2), (office.Slug, office.NameEl, office.NameEn, office.Desks, office.Services));
        Assert.Contains(await director.GetFromJsonAsync<List<OfficeSummary>>("/api/admin/offices") ?? [], o => o.Slug == "kozani");

        // Its services are the catalogue's, with their times and documents, in the catalogue's groups.
        var services = (await Http.GetFromJsonAsync<List<ServiceDto>>("/api/services?office=kozani"))!;
        var renewal = ServiceCatalogue.Find("licence-renewal")!;
        Assert.Equal(["Driving licence renewal", "Transfer of ownership of a private car or motorcycle"], services.Select(s => s.Name));
        Assert.Equal(renewal.DurationMinutes, services[0].DurationMinutes);
        Assert.Equal(renewal.DocumentsEn, services[0].Documents);
        Assert.Equal(["Driving licences", "Vehicle registration"], services.Select(s => s.Group));

        // Every desk serves both; the first free time is at its own opening hour.
        var desks = (await director.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks?office=kozani"))!;
        Assert.Equal([1, 2, 3], desks.Select(d => d.Number));
        Assert.All(desks, d => Assert.Equal(services.Select(s => s.Id).Order(), d.ServiceIds));
        var slots = await Http.AvailabilityAsync(services[0].Id, new DateOnly(2026, 12, 2));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 30, 0, TimeSpan.FromHours(2)), slots[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 13, 0, 0, TimeSpan.FromHours(2)), slots[^1].End);
        Assert.Equal(HttpStatusCode.Created, (await Http.BookAsync(services[0].Id, slots[0].Start)).StatusCode);

        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "admin.office.create")));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task NewOfficeWithBadInput_IsRefusedFieldByField_AndNothingIsCreated(string language)
    {
        // A client without the English default, so that each request's own language decides.
        var director = App.CreateClient();
        director.DefaultRequestHeaders.Authorization = new("Bearer", (await Clerk.LoginAsync(App, Directorate)).Token);
        var before = await App.WithDbAsync(db => db.Offices.CountAsync());

        async Task RefusedAsync(object body, HttpStatusCode status, string code, string? field = null) =>
            await ProblemAssert.IsAsync(await director.SendAsync(ProblemAssert.Request(language, HttpMethod.Post, "/api/admin/offices",
                JsonContent.Create(body))), status, code, language, field);

        await RefusedAsync(NewOffice(slug: "Κοζάνη"), HttpStatusCode.BadRequest, MessageKeys.Invalid, "slug");
        await RefusedAsync(NewOffice(slug: "-kozani"), HttpStatusCode.BadRequest, MessageKeys.Invalid, "slug");
        await RefusedAsync(NewOffice(nameEl: " "), HttpStatusCode.BadRequest, MessageKeys.Invalid, "nameEl");
        await RefusedAsync(NewOffice(desks: 0), HttpStatusCode.BadRequest, MessageKeys.Invalid, "desks");
        await RefusedAsync(NewOffice(desks: 51), HttpStatusCode.BadRequest, MessageKeys.Invalid, "desks");
        await RefusedAsync(NewOffice(open: "13:00", close: "08:00"), HttpStatusCode.BadRequest, MessageKeys.Invalid, "close");
        await RefusedAsync(NewOffice(open: "8"), HttpStatusCode.BadRequest, MessageKeys.Invalid, "open");
        await RefusedAsync(NewOffice(days: []), HttpStatusCode.BadRequest, MessageKeys.Invalid, "days");
        await RefusedAsync(NewOffice(services: []), HttpStatusCode.BadRequest, MessageKeys.Invalid, "services");
        await RefusedAsync(NewOffice(services: ["licence-renewal", "passport"]), HttpStatusCode.BadRequest, MessageKeys.Invalid, "services");
        await RefusedAsync(NewOffice(slug: DemoSeeder.BranchSlug), HttpStatusCode.Conflict, MessageKeys.SlugTaken);

        Assert.Equal(before, await App.WithDbAsync(db => db.Offices.CountAsync()));
    }

    public static TheoryData<string> Languages() => [.. ProblemAssert.Languages];

    [Fact]
    public async Task OfficesOwnAdmin_CannotAddAnOffice_NorActInAnotherThroughTheAddress()
    {
        var admin = (await Clerk.LoginAsync(App, "admin@example.org")).Http;

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/admin/offices", NewOffice())).StatusCode);
        await ProblemAssert.IsAsync(await admin.GetAsync("/api/admin/desks?office=demo-b"), HttpStatusCode.Forbidden, MessageKeys.OfficeNotYours, "en-header");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/admin/desks?office=demo")).StatusCode);
        Assert.Equal([DemoSeeder.OfficeSlug], (await admin.GetFromJsonAsync<List<OfficeSummary>>("/api/admin/offices"))!.Select(o => o.Slug));

        var director = (await Clerk.LoginAsync(App, Directorate)).Http;
        await ProblemAssert.IsAsync(await director.GetAsync("/api/admin/desks?office=nowhere"), HttpStatusCode.NotFound, MessageKeys.OfficeUnknown, "en-header");
        Assert.Equal([DemoSeeder.DeskCount, DemoSeeder.BranchDeskCount],
            (await director.GetFromJsonAsync<List<OfficeSummary>>("/api/admin/offices"))!.Select(o => o.Desks));
        var branchDesks = (await director.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks?office=demo-b"))!;
        Assert.Equal([1, 2], branchDesks.Select(d => d.Number));
    }

    [Fact]
    public async Task OfficesPage_ListsEveryOfficeWithItsScreens_AndAddsOneThatTheOverviewThenShows()
    {
        var director = await PageForms.SignInAsync(App, Directorate);
        var page = await director.GetStringAsync("/admin/offices");
        Assert.Contains("Γραφείο Μεταφορών Λαυρίου (επίδειξη)", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/display?office=demo-b\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/offices\"", page, StringComparison.Ordinal);

        // Errors are shown next to their fields, in Greek, and nothing is created.
        var refused = await PageForms.PostFieldsAsync(director, "/admin/offices",
            [new("Slug", "Φλώρινα"), new("NameEl", "Γραφείο Φλώρινας"), new("NameEn", "Florina office"), new("Desks", "2"),
             new("Open", "08:00"), new("Close", "14:00"), new("Services", "licence-renewal")]);
        var shown = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"Slug-error\"", shown, StringComparison.Ordinal);
        Assert.Contains("Επιλέξτε τουλάχιστον μία ημέρα λειτουργίας.", shown, StringComparison.Ordinal);
        Assert.Contains("value=\"Γραφείο Φλώρινας\"", shown, StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.Offices.AnyAsync(o => o.NameEn == "Florina office")));

        var created = await PageForms.PostFieldsAsync(director, "/admin/offices",
            [new("Slug", "florina"), new("NameEl", "Γραφείο Φλώρινας"), new("NameEn", "Florina office"), new("Desks", "2"),
             new("Open", "08:00"), new("Close", "14:00"), new("Days", "1"), new("Days", "3"), new("Services", "licence-renewal"),
             new("Services", "licence-duplicate")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin?office=florina", created.Headers.Location!.OriginalString);
        var overview = await director.GetStringAsync(created.Headers.Location.OriginalString);
        Assert.Contains("Γραφείο Φλώρινας", overview, StringComparison.Ordinal);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday], await App.WithDbAsync(db =>
            db.WorkingHours.Where(h => db.Offices.Any(o => o.Id == h.OfficeId && o.Slug == "florina")).Select(h => h.Day).OrderBy(d => d).ToListAsync()));

        // An office's own administrator has neither the page nor its link.
        var own = await PageForms.SignInAsync(App, "admin@example.org");
        Assert.DoesNotContain("href=\"/admin/offices\"", await own.GetStringAsync("/admin"), StringComparison.Ordinal);
        var denied = await own.GetAsync("/admin/offices");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>
    /// The day at the demo's second office: a citizen books there, checks in at that office's kiosk and is called by its
    /// clerk. Office B's display hears every step; the first office's display hears nothing and its snapshot never shows
    /// the person, and the first office's kiosk does not know the booking.
    /// </summary>
    [Fact]
    public async Task BookingCheckInAndCallAtTheSecondOffice_ReachItsDisplay_AndNeverTheFirstOffices()
    {
        var branch = await App.WithDbAsync(db => db.Offices.Where(o => o.Slug == DemoSeeder.BranchSlug).Select(o => o.Id).SingleAsync());
        var kioskB = English(App.CreateClient()).AsDevice(await App.PairDeviceAsync(officeId: branch));
        await using var displayA = await QueueListener.JoinAsync(App, office: null);
        await using var displayB = await QueueListener.JoinAsync(App, office: DemoSeeder.BranchSlug);
        var versionA = (await SnapshotAsync()).Version;

        var services = (await Http.GetFromJsonAsync<List<ServiceDto>>($"/api/services?office={DemoSeeder.BranchSlug}"))!;
        Assert.All(services, s => Assert.Equal("Driving licences", s.Group));
        var booked = await BookAsync(services[0].Id, Wed(9, 0), "branch");

        At(8, 50);
        var foreignKiosk = await OkAsync<CheckInResult>(await Http.PostAsJsonAsync("/api/kiosk/checkin", new CheckInRequest(booked.Qr)));
        Assert.Equal("Unknown", foreignKiosk.Status);
        var checkedIn = await OkAsync<CheckInResult>(await kioskB.PostAsJsonAsync("/api/kiosk/checkin", new CheckInRequest(booked.Qr)));
        Assert.Equal("CheckedIn", checkedIn.Status);

        var clerk = await ClerkAsync("clerk-b1@example.org");
        var deskB1 = (await Http.GetFromJsonAsync<List<DeskDto>>($"/api/desks?office={DemoSeeder.BranchSlug}"))!.Single(d => d.Number == 1).Id;
        At(9, 0);
        var called = await clerk.CallNextAsync(deskB1);
        Assert.Equal(booked.Code, called!.Code);

        var heard = await displayB.UntilAsync(s => s.Serving.Any(x => x.Code == booked.Label && x.DeskNumber == 1));
        Assert.Contains(heard.Serving, x => x.Code == booked.Label);
        Assert.Equal(0, displayA.Heard);
        var a = await SnapshotAsync();
        Assert.Equal(versionA, a.Version);
        Assert.DoesNotContain(a.Serving, x => x.Code == booked.Label);
        Assert.DoesNotContain(a.Next, x => x.Code == booked.Label);

        // Office B's clerk acts at office B's desks only.
        var deskA1 = await DeskIdAsync(1);
        await ProblemAssert.IsAsync(await clerk.PostAsync(deskA1, "call-next"), HttpStatusCode.Forbidden, MessageKeys.OtherOffice, "en-header");
    }
}
