using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>
/// R11: the office sets other weekly hours ahead (summer hours, say) from a date on; until then the week in force stays,
/// and the days gone by keep the hours they had. The test clock stands on Tuesday 1 December 2026, 08:00 in Athens;
/// the demo office opens Monday to Friday, 08:00–14:00.
/// </summary>
public sealed class HoursAheadTests : AdminTest
{
    static readonly DateOnly From = new(2026, 12, 14); // a Monday
    static readonly DateOnly Before = new(2026, 12, 9), After = new(2026, 12, 16); // Wednesdays either side

    static List<HoursEdit> Summer() =>
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new HoursEdit(d, "07:30", "13:30"))];

    Task<HttpResponseMessage> SetAheadAsync(string from, bool confirm = false) =>
        Admin.PutAsJsonAsync($"/api/admin/hours?from={from}{(confirm ? "&confirm=true" : "")}", Summer());

    static TimeOnly Local(DateTimeOffset t) => TimeOnly.FromDateTime(t.ToOffset(TimeSpan.FromHours(2)).DateTime);

    [Fact]
    public async Task HoursSetAhead_ApplyFromTheirDate_WhileTheWeekInForceStaysUntilThen()
    {
        var service = await ServiceAsync();

        var response = await SetAheadAsync("2026-12-14");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var now = (await Admin.GetFromJsonAsync<List<AdminHours>>("/api/admin/hours"))!;
        Assert.Equal(("08:00", "14:00"), (now.Single(h => h.Day == DayOfWeek.Monday).Open, now.Single(h => h.Day == DayOfWeek.Monday).Close));
        var ahead = (await Admin.GetFromJsonAsync<List<AdminHoursChange>>("/api/admin/hours/changes"))!.Single();
        Assert.Equal((From, 5), (ahead.From, ahead.Hours.Count));
        Assert.All(ahead.Hours, h => Assert.Equal(("07:30", "13:30"), (h.Open, h.Close)));
        var before = await FreeStartsAsync(service.Id, Before);
        var after = await FreeStartsAsync(service.Id, After);
        Assert.Equal(new TimeOnly(8, 0), Local(before[0]));
        Assert.Equal(new TimeOnly(7, 30), Local(after[0]));
        Assert.True(Local(after[^1]) < new TimeOnly(13, 30));
        Assert.True(Local(before[^1]) >= new TimeOnly(13, 30));
    }

    [Fact]
    public async Task ABookingOutsideTheHoursSetAhead_IsListedFirst_AndCancelledOnlyOnConfirmation_WhileEarlierDaysKeepTheirs()
    {
        var service = await ServiceAsync();
        var late = (await FreeStartsAsync(service.Id, After)).First(t => Local(t) >= new TimeOnly(13, 30));
        var earlier = (await FreeStartsAsync(service.Id, Before)).First(t => Local(t) >= new TimeOnly(13, 30));
        var outside = await Http.BookOkAsync(service.Id, late, "anna@example.org");
        var kept = await Http.BookOkAsync(service.Id, earlier, "nikos@example.org");

        var asked = await SetAheadAsync("2026-12-14");

        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        var problem = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(MessageKeys.AffectsBookings, problem.GetProperty("code").GetString());
        Assert.Equal([BookingCode.Display(outside.Code)], problem.GetProperty("affected").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.Empty((await Admin.GetFromJsonAsync<List<AdminHoursChange>>("/api/admin/hours/changes"))!);

        var confirmed = await SetAheadAsync("2026-12-14", confirm: true);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Cancelled", await StatusAsync(outside.Code));
        Assert.Equal("Pending", await StatusAsync(kept.Code));
    }

    [Fact]
    public async Task RemovingAWeekSetAhead_BringsBackTheWeekBefore_AndAnUnknownOneIs404()
    {
        var service = await ServiceAsync();
        Assert.Equal(HttpStatusCode.OK, (await SetAheadAsync("2026-12-14")).StatusCode);

        var removed = await Admin.DeleteAsync("/api/admin/hours/changes/2026-12-14");

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Empty((await Admin.GetFromJsonAsync<List<AdminHoursChange>>("/api/admin/hours/changes"))!);
        Assert.Equal(new TimeOnly(8, 0), Local((await FreeStartsAsync(service.Id, After))[0]));
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.DeleteAsync("/api/admin/hours/changes/2026-12-14")).StatusCode);
    }

    [Fact]
    public async Task AWeekBeginningInThePast_OrOnAnUnreadableDate_IsRefusedOnTheDateField()
    {
        await ProblemAssert.IsAsync(await SetAheadAsync("2026-11-30"), HttpStatusCode.BadRequest, MessageKeys.Invalid, "en-header", "from");
        await ProblemAssert.IsAsync(await SetAheadAsync("14/12"), HttpStatusCode.BadRequest, MessageKeys.Invalid, "en-header", "from");
        Assert.Empty((await Admin.GetFromJsonAsync<List<AdminHoursChange>>("/api/admin/hours/changes"))!);
    }

    [Fact]
    public async Task HoursSetFromToday_LeaveThePastDaysTheirHours()
    {
        var week = Summer().Select(h => h with { Open = "10:00", Close = "14:00" }).ToList();

        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync("/api/admin/hours", week)).StatusCode);

        var office = await Db(db => Core.Offices.OfficeLoader.LoadAsync(db, db.Offices.Single(o => o.Slug == "demo").Id, default));
        var monday = Core.Offices.OfficeCalendar.OpenOn(new DateOnly(2026, 11, 30), office.TimeZone, office.Hours, office.SpecialDays)!;
        var today = Core.Offices.OfficeCalendar.OpenOn(new DateOnly(2026, 12, 1), office.TimeZone, office.Hours, office.SpecialDays)!;
        Assert.Equal(8, Core.Offices.OfficeCalendar.ToLocal(monday.OpenUtc, office.TimeZone).Hour);
        Assert.Equal(10, Core.Offices.OfficeCalendar.ToLocal(today.OpenUtc, office.TimeZone).Hour);
        var listed = (await Admin.GetFromJsonAsync<List<AdminHours>>("/api/admin/hours"))!;
        Assert.All(listed, h => Assert.Equal("10:00", h.Open));
    }

    [Fact]
    public async Task OnTheCalendarPage_AWeekSetAhead_IsSaidAndListed_AndItsRemoveButtonRemovesIt()
    {
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        var saved = await PageForms.SubmitAsync(admin, "/admin/calendar", "id=\"hours-form\"", f =>
        {
            foreach (var d in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
                f.Set($"{d}.open", "07:30").Set($"{d}.close", "13:30");
            f.Set("from", "2026-12-14");
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await admin.GetStringAsync(saved.Headers.Location!.ToString());
        Assert.Contains("Το νέο ωράριο ισχύει από Δευτέρα 14 Δεκεμβρίου 2026", page, StringComparison.Ordinal);
        Assert.Contains("Αλλαγές ωραρίου που έχουν οριστεί", page, StringComparison.Ordinal);
        Assert.Contains("Δευτέρα 07:30–13:30", page, StringComparison.Ordinal);
        Assert.Contains("value=\"08:00\"", page, StringComparison.Ordinal); // the form shows the week in force today

        var removed = await PageForms.SubmitAsync(admin, "/admin/calendar", "id=\"remove-hours-2026-12-14\"", _ => { }, html: page);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty((await Admin.GetFromJsonAsync<List<AdminHoursChange>>("/api/admin/hours/changes"))!);
    }

    [Fact]
    public async Task OnTheCalendarPage_AWrongTime_SaysItsDayAndWhichTime()
    {
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        var refused = await PageForms.SubmitAsync(admin, "/admin/calendar", "id=\"hours-form\"", f => f.Set("Wednesday.close", "25:00"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Τετάρτη, ώρα που κλείνει: ", page, StringComparison.Ordinal);
    }
}
