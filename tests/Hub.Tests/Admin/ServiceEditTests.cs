using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>R11: service times and services change through the admin API without corrupting bookings already made.</summary>
public sealed class ServiceEditTests : AdminTest
{
    [Fact]
    public async Task ChangingTheServiceTime_LeavesExistingBookings_AndNewBookingsGetTheNewTime()
    {
        var service = await ServiceAsync();
        await ServeAtOneDeskAsync(service.Id);
        var created = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[4]);
        var before = await BookingAsync(created.Code);
        var claimsBefore = await Db(db => db.SlotClaims.Where(c => c.BookingId == before.Id).OrderBy(c => c.UnitStartUtc)
            .Select(c => c.UnitStartUtc).ToListAsync());
        var admin = await AdminServiceAsync(service.Id);

        var response = await PutServiceAsync(service.Id, EditOf(admin) with { DurationMinutes = admin.DurationMinutes + 15 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<ChangeDone>())!.Cancelled);
        var after = await BookingAsync(created.Code);
        Assert.Equal((before.StartUtc, before.EndUtc, before.DurationMinutes, before.Status, before.Version),
            (after.StartUtc, after.EndUtc, after.DurationMinutes, after.Status, after.Version));
        Assert.Equal(claimsBefore, await Db(db => db.SlotClaims.Where(c => c.BookingId == before.Id).OrderBy(c => c.UnitStartUtc)
            .Select(c => c.UnitStartUtc).ToListAsync()));
        Assert.Equal(admin.DurationMinutes + 15, (await Http.ServicesAsync()).Single(s => s.Id == service.Id).DurationMinutes);
        var fresh = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday.AddDays(1)))[0], "new@example.org");
        Assert.Equal(admin.DurationMinutes + 15, (await BookingAsync(fresh.Code)).DurationMinutes);
    }

    [Fact]
    public async Task DeactivatingAServiceWithBookings_FirstListsThem_ThenCancelsThemWithAMailWhenConfirmed()
    {
        var service = await ServiceAsync();
        var created = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[2], "anna@example.org");
        var admin = await AdminServiceAsync(service.Id);
        var off = EditOf(admin) with { Active = false };

        var first = await PutServiceAsync(service.Id, off);

        Assert.Equal(HttpStatusCode.Conflict, first.StatusCode);
        var problem = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(MessageKeys.AffectsBookings, problem.GetProperty("code").GetString());
        var affected = problem.GetProperty("affected").Deserialize<List<AffectedBookingDto>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal([BookingCode.Display(created.Code)], affected.Select(a => a.Code));
        Assert.Equal("a***@example.org", affected[0].Email);
        Assert.True((await AdminServiceAsync(service.Id)).Active);
        Assert.Contains(await Http.ServicesAsync(), s => s.Id == service.Id);
        Assert.Equal("Pending", await StatusAsync(created.Code));
        App.Clock.Advance(TimeSpan.FromMinutes(2));

        var confirmed = await PutServiceAsync(service.Id, off, confirm: true);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Single((await confirmed.Content.ReadFromJsonAsync<ChangeDone>())!.Cancelled);
        Assert.DoesNotContain(await Http.ServicesAsync(), s => s.Id == service.Id);
        Assert.Empty(await Http.AvailabilityAsync(service.Id, Wednesday));
        Assert.Equal("Cancelled", await StatusAsync(created.Code));
        Assert.Equal(0, await ClaimCountAsync(created.Code));
        Assert.Equal(["Created", "CancelledByOffice"], await MailKindsAsync(await IdOfAsync(created.Code)));
        await App.DispatchMailAsync();
        var mail = (await Smtp.WaitForAsync(2)).To("anna@example.org", $"Το ραντεβού σας {BookingCode.Display(created.Code)} ακυρώθηκε από την υπηρεσία");
        Assert.Equal("el", mail.Language());
        Assert.Equal("/", mail.Link("/").AbsolutePath);
    }

    [Fact]
    public async Task ANewService_IsOfferedAndBookable_OnlyOnceADeskServesIt()
    {
        var group = (await AdminServiceAsync((await ServiceAsync()).Id)).GroupId;
        var created = await Admin.PostAsJsonAsync("/api/admin/services",
            new ServiceEdit(group, "Νέα υπηρεσία", "New service", 25, true, [new DocumentText("Ταυτότητα", "Identity card")]));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var service = (await created.Content.ReadFromJsonAsync<AdminService>())!;
        // Served by no desk, it would show every day as full: neither the list nor the home page offers it yet.
        Assert.DoesNotContain(await Http.ServicesAsync(), s => s.Id == service.Id);
        Assert.DoesNotContain("Νέα υπηρεσία", await Greek(Http).GetStringAsync("/"), StringComparison.Ordinal);

        var desk = (await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))![0];
        var served = await Admin.PutAsJsonAsync($"/api/admin/desks/{desk.Id}",
            new DeskEdit(desk.NameEl, desk.NameEn, true, [.. desk.ServiceIds, service.Id]));

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var listed = (await Http.ServicesAsync()).Single(s => s.Id == service.Id);
        Assert.Equal(25, listed.DurationMinutes);
        Assert.Equal(["Ταυτότητα"], listed.Documents);
        Assert.Contains("Νέα υπηρεσία", await Greek(Http).GetStringAsync("/"), StringComparison.Ordinal);
        var slots = await Http.AvailabilityAsync(service.Id, Wednesday);
        Assert.NotEmpty(slots);
        Assert.All(slots, s => Assert.Equal(25, (s.End - s.Start).TotalMinutes));
    }

    static HttpClient Greek(HttpClient http)
    {
        http.DefaultRequestHeaders.AcceptLanguage.Clear();
        return http;
    }
}
