using System.Net;
using System.Net.Http.Json;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Audit;
using Rantevou.Core.Booking;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Support;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>
/// R11: the admin sees how long each service really took (called → done) over the last eight weeks beside its planned
/// time, and applies the suggested time (the 75th percentile, up to whole 5-minute units) in one click.
/// </summary>
public sealed class ServiceTimesTests : AdminTest
{
    /// <summary>
    /// The first service: 30 appointments took 1…30 minutes and 10 walk-ins 31…40, so the 40 times are 1…40 minutes.
    /// Interpolated between ranks, the median is 20.5, the 75th percentile 30.25, and the suggestion 35 (the next 5).
    /// Outside the figures: a no-show, a served appointment nine weeks ago, and one of another office's services.
    /// </summary>
    async Task<(int First, int Second)> HistoryAsync()
    {
        var services = await Admin.GetFromJsonAsync<List<AdminService>>("/api/admin/services");
        var (first, second) = (services![0], services[1]);
        var now = App.Clock.GetUtcNow().UtcDateTime;
        await Db(async db =>
        {
            var office = db.Services.Single(s => s.Id == first.Id).OfficeId;
            var desk = db.Desks.First(d => d.OfficeId == office).Id;
            for (var i = 1; i <= 30; i++)
                db.Bookings.Add(Served(office, first.Id, desk, now.AddDays(-i), i));
            for (var i = 31; i <= 40; i++)
                db.WalkInTickets.Add(new WalkInTicket
                {
                    Code = $"W{i:000}",
                    OfficeId = office,
                    Day = DateOnly.FromDateTime(now.AddDays(-i)),
                    Number = i,
                    ServiceId = first.Id,
                    DurationMinutes = first.DurationMinutes,
                    Status = TicketStatus.Served,
                    IssuedUtc = now.AddDays(-i).AddHours(-1),
                    CalledUtc = now.AddDays(-i),
                    CalledDeskId = desk,
                    DoneUtc = now.AddDays(-i).AddMinutes(i),
                });
            var noShow = Served(office, first.Id, desk, now.AddDays(-3), 500);
            noShow.Status = BookingStatus.NoShow;
            db.Bookings.Add(noShow);
            db.Bookings.Add(Served(office, first.Id, desk, now.AddDays(-63), 500));
            for (var i = 1; i <= 5; i++)
                db.Bookings.Add(Served(office, second.Id, desk, now.AddDays(-i), 10 + i));
            return await db.SaveChangesAsync();
        });
        return (first.Id, second.Id);
    }

    static BookingEntity Served(int office, int service, int desk, DateTime called, int minutes) => new()
    {
        Id = Guid.NewGuid(),
        Code = BookingCode.New(),
        OfficeId = office,
        ServiceId = service,
        DeskId = desk,
        StartUtc = called,
        EndUtc = called.AddMinutes(15),
        DurationMinutes = 15,
        Status = BookingStatus.Served,
        FullName = "Served Person",
        Email = $"{Guid.NewGuid():N}@example.org",
        Mobile = "6900000000",
        CreatedUtc = called.AddDays(-7),
        ConfirmedUtc = called.AddDays(-7),
        CheckedInUtc = called.AddMinutes(-5),
        CalledUtc = called,
        CalledDeskId = desk,
        DoneUtc = called.AddMinutes(minutes),
    };

    [Fact]
    public async Task RealServiceTimes_AreTheMedianAndUpperQuartileOfCalledToDone_AndSuggestTheNextWholeSlot()
    {
        var (first, second) = await HistoryAsync();

        var times = (await Admin.GetFromJsonAsync<ServiceTimesDto>("/api/admin/service-times"))!;

        Assert.Equal((8, new DateOnly(2026, 10, 7), new DateOnly(2026, 12, 1)), (times.Weeks, times.From, times.To));
        var a = times.Services.Single(s => s.ServiceId == first);
        Assert.Equal((40, 20.5, 30.3, 35), (a.Served, a.MedianMinutes!.Value, a.P75Minutes!.Value, a.SuggestedMinutes!.Value));
        // Five served are figures, not a rule: no suggestion below twenty.
        var b = times.Services.Single(s => s.ServiceId == second);
        Assert.Equal((5, 13.0, 14.0, (int?)null), (b.Served, b.MedianMinutes!.Value, b.P75Minutes!.Value, b.SuggestedMinutes));
        Assert.All(times.Services.Where(s => s.ServiceId != first && s.ServiceId != second), s => Assert.Equal(0, s.Served));
    }

    [Fact]
    public async Task TheAdmin_AppliesTheSuggestion_InOneClick_AndTheNextBookingTakesIt()
    {
        var (first, _) = await HistoryAsync();
        await ServeAtOneDeskAsync(first);
        var admin = await PageForms.SignInAsync(App, "admin@example.org");
        var page = await admin.GetStringAsync($"/admin/services/{first}");
        Assert.Contains("Ορισμός σε 35 λεπτά", page, StringComparison.Ordinal);

        var applied = await PageForms.SubmitAsync(admin, $"/admin/services/{first}", "handler=Suggested", _ => { });

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal(35, (await AdminServiceAsync(first)).DurationMinutes);
        Assert.Contains("Ο χρόνος της υπηρεσίας συμφωνεί με τον πραγματικό.", await admin.GetStringAsync($"/admin/services/{first}"), StringComparison.Ordinal);
        var booked = await Http.BookOkAsync(first, (await FreeStartsAsync(first, Wednesday))[0]);
        Assert.Equal(35, (await BookingAsync(booked.Code)).DurationMinutes);
        Assert.Contains(await Db(db => Task.FromResult(db.AuditEntries.Where(e => e.Action == "admin.service.update").ToList())),
            e => e.Outcome == AuditOutcome.Succeeded && e.Target == first.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(0, "el")]
    [InlineData(53, "en-query")]
    [InlineData(-1, "en-header")]
    public async Task AWindowOutsideOneToFiftyTwoWeeks_Is400_InTheCallersLanguage(int weeks, string language)
    {
        var admin = await PageForms.SignInAsync(App, "admin@example.org");
        var response = await admin.SendAsync(ProblemAssert.Request(language, HttpMethod.Get, $"/api/admin/service-times?weeks={weeks}"));
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, MessageKeys.Invalid, language, "weeks");
    }
}
