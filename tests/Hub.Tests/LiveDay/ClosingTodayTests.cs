using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>
/// An administrator closes today in the middle of the morning (R11): the people still waiting for a walk-in ticket are
/// not left watching a queue that will never move. The change first says how many there are; confirmed, their tickets
/// close and the waiting room's screens show the office closed, as at closing time. Opened again, they show it open.
/// </summary>
public sealed class ClosingTodayTests : LiveDayTest
{
    static readonly SpecialDayEdit Closed = new(true, null, null, "Διακοπή ρεύματος", "Power cut");

    [Fact]
    public async Task ClosingTodayWithWalkInsWaiting_AsksFirst_ThenClosesTheirTickets_AndTheScreensShowTheOfficeClosed()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        At(9, 0);
        await WalkInAsync(renewal);
        await WalkInAsync(renewal);
        var admin = (await ClerkAsync("admin@example.org")).Http;
        var today = new DateOnly(2026, 12, 2);
        var version = await VersionAsync();

        var asked = await admin.PutAsJsonAsync($"/api/admin/special-days/{today:yyyy-MM-dd}", Closed);

        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        var problem = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(MessageKeys.ClosesTodayWithWalkIns, problem.GetProperty("code").GetString());
        Assert.Equal(2, problem.GetProperty("walkIns").GetInt32());
        Assert.Equal([TicketStatus.Waiting, TicketStatus.Waiting], await TicketsAsync());
        Assert.False((await SnapshotAsync()).Closed);
        Assert.Equal(version, await VersionAsync());

        var done = await admin.PutAsJsonAsync($"/api/admin/special-days/{today:yyyy-MM-dd}?confirm=true", Closed);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(2, (await done.Content.ReadFromJsonAsync<ChangeDone>())!.WalkInsClosed);
        Assert.Equal([TicketStatus.Closed, TicketStatus.Closed], await TicketsAsync());
        var snapshot = await SnapshotAsync();
        Assert.True(snapshot.Closed);
        Assert.Empty(snapshot.Walkins);
        Assert.True(snapshot.Version > version);

        // Closed by mistake: opened again, the screens no longer say closed; the people sent away stay sent away.
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/admin/special-days/{today:yyyy-MM-dd}")).StatusCode);
        var reopened = await SnapshotAsync();
        Assert.False(reopened.Closed);
        Assert.True(reopened.Version > snapshot.Version);
        Assert.Equal([TicketStatus.Closed, TicketStatus.Closed], await TicketsAsync());
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync("/api/kiosk/walkins",
            new Rantevou.Contracts.Queue.WalkInRequest(renewal, null))).StatusCode);
    }

    [Fact]
    public async Task ClosingToday_ListsTheBookingsItWouldCancel_SayingWhoIsAlreadyInTheRoom()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        var here = await BookAsync(renewal, Wed(9, 30), "here");
        var later = await BookAsync(renewal, Wed(11, 0), "later");
        At(9, 25);
        await ScanAsync(here.Qr);
        var admin = (await ClerkAsync("admin@example.org")).Http;

        var asked = await admin.PutAsJsonAsync($"/api/admin/special-days/{new DateOnly(2026, 12, 2):yyyy-MM-dd}?culture=el", Closed);

        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        var affected = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("affected")
            .Deserialize<List<AffectedBookingDto>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal([(here.Label, true), (later.Label, false)], affected.Select(a => (a.Code, a.Here)));

        // The calendar page says it beside the booking before the administrator confirms.
        var page = await PageForms.PostFormAsync(await PageForms.SignInAsync(App, "admin@example.org"), "/admin/calendar?handler=Special&culture=el",
            new() { ["Date"] = "2026-12-02", ["Closed"] = "true", ["NameEl"] = "Διακοπή ρεύματος", ["NameEn"] = "Power cut" });
        var html = await page.Content.ReadAsStringAsync();
        Assert.Matches($"(?s){here.Label}</td>.*?<td>Έχει ήδη έρθει</td>\\s*</tr>", html);
        Assert.Contains("<th scope=\"col\">Στην αίθουσα</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosingAnotherDay_LeavesTodaysWalkInsWaiting()
    {
        var renewal = await ServiceAsync("Driving licence renewal");
        At(9, 0);
        await WalkInAsync(renewal);
        var admin = (await ClerkAsync("admin@example.org")).Http;

        var done = await admin.PutAsJsonAsync("/api/admin/special-days/2026-12-04", Closed);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(0, (await done.Content.ReadFromJsonAsync<ChangeDone>())!.WalkInsClosed);
        Assert.Equal([TicketStatus.Waiting], await TicketsAsync());
        Assert.False((await SnapshotAsync()).Closed);
    }

    Task<List<TicketStatus>> TicketsAsync() =>
        App.WithDbAsync(db => db.WalkInTickets.OrderBy(t => t.Id).Select(t => t.Status).ToListAsync());
}
