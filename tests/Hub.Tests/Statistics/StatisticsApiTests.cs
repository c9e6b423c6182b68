using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Booking;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Hub.Jobs;
using Rantevou.Hub.Tests.Admin;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;
using static Rantevou.Hub.Tests.Statistics.StatisticsHistory;

namespace Rantevou.Hub.Tests.Statistics;

/// <summary>
/// The administrators' statistics over <see cref="StatisticsHistory"/>: every figure is the one worked out by hand from
/// the history's description (the working is in the comments), not from the code under test.
/// </summary>
public class StatisticsApiTests : AdminTest
{
    async Task<(Ids Ids, StatisticsDto Stats)> StatisticsAsync()
    {
        var services = await Admin.GetFromJsonAsync<List<AdminService>>("/api/admin/services");
        var ids = await Db(db => WriteAsync(db, services![0].Id, services[1].Id));
        var stats = await Admin.GetFromJsonAsync<StatisticsDto>("/api/admin/statistics?from=2026-11-23&to=2026-11-24");
        return (ids, stats!);
    }

    [Fact]
    public async Task Bookings_CountWhatWasMadeInThePeriod_AndWhatBecameOfItsAppointments()
    {
        var (_, s) = await StatisticsAsync();

        // Made: 9 (Mon 08:00, agent), 10 (Tue 07:00), 12 and 13 (Mon, for December; 13 by an agent).
        // Appointments 1–10; by agents 2 and 9; confirmed all but 6; one each cancelled, released, expired late (4),
        // no-show (3), void (7); served 1, 2, 9, 10; 8 waited till closing; moved: 10 (twice, counted once; 11 is outside).
        // Reminded (R2): 1 (coming), 5 (released), 9 (no answer); 11 is outside the period.
        Assert.Equal(new BookingFigures(Made: 4, MadeByAgents: 2, Appointments: 10, AppointmentsByAgents: 2, Confirmed: 9, Cancelled: 1,
            Released: 1, ExpiredLate: 1, NoShows: 1, Voided: 1, Served: 4, NotServedByClosing: 1, Rescheduled: 1,
            RemindersSent: 3, RemindersComing: 1, RemindersReleased: 1), s.Bookings);
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24), 2), (s.From, s.To, s.OpenDays));
    }

    [Fact]
    public async Task Arrivals_ArePlacedInPunctualityBands_AndTheLateOnesFollowed()
    {
        var (_, s) = await StatisticsAsync();

        // Checked in: 1 (−10), 2 (+3, late), 3 (−40), 8 (+20, late), 9 (−5), 10 (+40, late); served of the late: 2 and 10.
        Assert.Equal((6, 3, 2), (s.Arrivals.CheckedIn, s.Arrivals.Late, s.Arrivals.LateServed));
        // Chose the end of the day (R5): 8 (still waiting at closing) and 10 (served).
        Assert.Equal((2, 1), (s.Arrivals.EndOfDayChosen, s.Arrivals.EndOfDayServed));
        Assert.Equal(
            [(null, -30, 1), (-30, -15, 0), (-15, -5, 1), (-5, 0, 1), (0, 5, 1), (5, 15, 0), (15, 30, 1), (30, null, 1)],
            s.Arrivals.Punctuality.Select(b => (b.FromMinutes, b.ToMinutes, b.Count)).ToArray());
    }

    [Fact]
    public async Task Waiting_IsArrivalToCall_AppointmentsAndWalkInsApart_AndByHourOfArrival()
    {
        var (_, s) = await StatisticsAsync();

        // Appointments: 12 (1), 10 (2), 40 (3), 15 (9), 50 (10) → sorted 10, 12, 15, 40, 50: median 15; the 90th
        // percentile at rank 3.6 is 40 + 0.6 × 10 = 46. Walk-ins to their last call: 12 (T1), 30 (T2), 5 (T4) → median
        // 12, 90th at rank 1.8: 12 + 0.8 × 18 = 26.4.
        Assert.Equal(new WaitingFigures(new WaitFigures(5, 15, 46), new WaitFigures(3, 12, 26.4)), s.Waiting);
        // Arrived 09:xx: 2 (10), 3 (40), 10 (50) → median 40, 90th at rank 1.8: 40 + 0.8 × 10 = 48; walk-in T1 (12).
        var nine = s.Hours.Single(h => h.Hour == 9);
        Assert.Equal((new WaitFigures(3, 40, 48), new WaitFigures(1, 12, 12)), (nine.AppointmentWait, nine.WalkInWait));
        Assert.Equal(new WaitFigures(1, 12, 12), s.Hours.Single(h => h.Hour == 8).AppointmentWait);
        Assert.Equal(new WaitFigures(0, null, null), s.Hours.Single(h => h.Hour == 8).WalkInWait);
    }

    [Fact]
    public async Task WalkIns_AreIssuedServedAbsentOrLeftAtClosing_AndInterruptionsCounted()
    {
        var (ids, s) = await StatisticsAsync();

        // Served: T1, called Monday 09:17 at desk 1, whose last appointment that day (8, 13:00–13:15) had not ended: in a
        // gap; T2, called at desk 2, where nothing was booked: after the appointments.
        Assert.Equal(new WalkInFigures(Issued: 4, Served: 2, NoShows: 1, NotServedByClosing: 1, ServedInGaps: 1, ServedAfterAppointments: 1),
            s.WalkIns);
        Assert.Equal(1, s.Interruptions);
        // The one interrupted person, T2, was called again and served.
        Assert.Equal(new InterruptedFigures(People: 1, ServedAfterwards: 1, NotServed: 0), s.Interrupted);
        var a = s.Services.Single(x => x.ServiceId == ids.ServiceA);
        var b = s.Services.Single(x => x.ServiceId == ids.ServiceB);
        // A: made 10; appointments 1–6 and 10 (2 by an agent); T1, T2, T4; the interruption.
        Assert.Equal((1, 0, 7, 1, 3, 1), (a.Bookings.Made, a.Bookings.MadeByAgents, a.Bookings.Appointments, a.Bookings.AppointmentsByAgents,
            a.Bookings.Served, a.Interruptions));
        Assert.Equal(new WalkInFigures(3, 2, 1, 0, 1, 1), a.WalkIns);
        // B: made 9, 12, 13 (9 and 13 by agents); appointments 7, 8, 9; T3.
        Assert.Equal((3, 2, 3, 1, 1, 0), (b.Bookings.Made, b.Bookings.MadeByAgents, b.Bookings.Appointments, b.Bookings.Voided,
            b.Bookings.NotServedByClosing, b.Interruptions));
        Assert.Equal(new WalkInFigures(1, 0, 0, 1, 0, 0), b.WalkIns);
        Assert.Equal(new WaitFigures(1, 15, 15), b.Waiting.Appointments);
        Assert.All(s.Services.Where(x => x.ServiceId != ids.ServiceA && x.ServiceId != ids.ServiceB), x => Assert.Equal(0, x.Bookings.Appointments));
    }

    [Fact]
    public async Task Desks_AreUsedCalledToDoneOverTheirOpenMinutes_PerDeskAndPerHour()
    {
        var (ids, s) = await StatisticsAsync();

        // Open 08:00–14:00 on both days: 360 minutes a day, 720 per desk.
        // Desk 1: 15 (1) + 10 (2) + 15 (T1) + 20 (10) + 1 (T4) = 61 → 61 / 720 = 0.0847; served 1, 2, T1, 10.
        // Desk 2: 5 (3) + 30 (9) + 20 (T2) + 10 (T2 before it was interrupted) = 65 → 0.0903; served 9, T2.
        Assert.Equal(
            [(ids.Desk1, 4, 61.0, 720.0, (double?)0.085, 0), (ids.Desk2, 2, 65.0, 720.0, 0.09, 1)],
            s.Desks.Select(d => (d.DeskId, d.Served, d.BusyMinutes, d.OpenMinutes, d.Utilisation, d.Interruptions)).ToArray());
        // Hours 08–13, two desks × 60 minutes × two days = 240 open desk-minutes each.
        // 09: 15 + 15 + 10 = 40; 10: 5 + 10 + 20 + 20 = 55; 11: 1; 12: 20 and 13: 10 (9's 12:40–13:10).
        // Served by the hour their service ended: 09: 1, T1, 2; 10: 10; 11: T2; 13: 9.
        Assert.Equal(
            [(8, 0, 0.0, 240.0, (double?)0), (9, 3, 40, 240, 0.167), (10, 1, 55, 240, 0.229), (11, 1, 1, 240, 0.004), (12, 0, 20, 240, 0.083),
                (13, 1, 10, 240, 0.042)],
            s.Hours.Select(h => (h.Hour, h.Served, h.BusyMinutes, h.OpenDeskMinutes, h.Utilisation)).ToArray());
    }

    [Fact]
    public async Task Today_IsMeasuredUpToNow_WithThePersonAtTheDeskCounted_NotAgainstTheHoursStillToCome()
    {
        var services = await Admin.GetFromJsonAsync<List<AdminService>>("/api/admin/services");
        var ids = await Db(db => WriteAsync(db, services![0].Id, services[1].Id));
        // Today, Tuesday 1 December (UTC+2): one walk-in served at desk 1 09:00–09:30, another called there at 09:45 and
        // still at the desk when the administrator looks at 10:00.
        var today = new DateOnly(2026, 12, 1);
        DateTime At(int hour, int minute) => new DateTime(2026, 12, 1, hour - 2, minute, 0, DateTimeKind.Utc);
        WalkInTicket Ticket(int number, TicketStatus status, DateTime called, DateTime? done) => new()
        {
            Id = Guid.NewGuid(),
            Code = $"TODAY{number}",
            OfficeId = ids.Office,
            Day = today,
            Number = number,
            ServiceId = ids.ServiceA,
            DurationMinutes = 15,
            Status = status,
            IssuedUtc = At(8, 55),
            CalledUtc = called,
            CalledDeskId = ids.Desk1,
            CalledByUserId = ids.Clerk1,
            DoneUtc = done,
        };
        await Db(db =>
        {
            db.WalkInTickets.AddRange(Ticket(1, TicketStatus.Served, At(9, 0), At(9, 30)), Ticket(2, TicketStatus.Called, At(9, 45), null));
            return db.SaveChangesAsync();
        });
        App.Clock.Advance(TimeSpan.FromHours(2));

        var s = await Admin.GetFromJsonAsync<StatisticsDto>("/api/admin/statistics?from=2026-12-01&to=2026-12-01");

        // Open 08:00 until now, 10:00: 120 minutes a desk, not the 360 to closing. Desk 1: 30 served + 15 so far = 45.
        Assert.Equal(
            [(ids.Desk1, 1, 45.0, 120.0, (double?)0.375), (ids.Desk2, 0, 0, 120, 0)],
            s!.Desks.Select(d => (d.DeskId, d.Served, d.BusyMinutes, d.OpenMinutes, d.Utilisation)).ToArray());
        // The hours that have come: 08 (two desks, nobody at them) and 09; none of 10–13 yet.
        Assert.Equal([(8, 0.0, 120.0), (9, 45, 120)], s.Hours.Select(h => (h.Hour, h.BusyMinutes, h.OpenDeskMinutes)).ToArray());
    }

    [Fact]
    public async Task ACallLeftOpenOnAnEarlierDay_CountsNoDeskTime_RatherThanRunningUntilNow()
    {
        var services = await Admin.GetFromJsonAsync<List<AdminService>>("/api/admin/services");
        var ids = await Db(db => WriteAsync(db, services![0].Id, services[1].Id));
        // Monday 30 November: a walk-in called at desk 1 at 09:00 (UTC+2) and never marked done.
        await Db(db =>
        {
            db.WalkInTickets.Add(MondayWalkIn(ids, TicketStatus.Called, doneUtc: null));
            return db.SaveChangesAsync();
        });
        App.Clock.Advance(TimeSpan.FromHours(2));

        var s = await Admin.GetFromJsonAsync<StatisticsDto>("/api/admin/statistics?from=2026-11-30&to=2026-11-30");

        Assert.Equal(0, s!.Desks.Single(d => d.DeskId == ids.Desk1).BusyMinutes);
    }

    [Fact]
    public async Task ADayClosedAfterWorkBegan_IsOpenFromItsHoursToTheLastWork_NotLeftOutWithItsWorkCounted()
    {
        var services = await Admin.GetFromJsonAsync<List<AdminService>>("/api/admin/services");
        var ids = await Db(db => WriteAsync(db, services![0].Id, services[1].Id));
        // Monday 30 November: a walk-in served at desk 1 from 09:00 to 09:20 (UTC+2); then a power cut closes the day (R11).
        await Db(db =>
        {
            db.WalkInTickets.Add(MondayWalkIn(ids, TicketStatus.Served, doneUtc: new DateTime(2026, 11, 30, 7, 20, 0, DateTimeKind.Utc)));
            db.SpecialDays.Add(new SpecialDay { OfficeId = ids.Office, Date = new DateOnly(2026, 11, 30), Closed = true, NameEl = "Διακοπή ρεύματος", NameEn = "Power cut" });
            return db.SaveChangesAsync();
        });
        App.Clock.Advance(TimeSpan.FromHours(2));

        var s = await Admin.GetFromJsonAsync<StatisticsDto>("/api/admin/statistics?from=2026-11-30&to=2026-11-30");

        Assert.Equal(1, s!.OpenDays);
        var desk1 = s.Desks.Single(d => d.DeskId == ids.Desk1);
        Assert.Equal((20, 80), (desk1.BusyMinutes, desk1.OpenMinutes)); // open 08:00 to 09:20, the end of the last work
        Assert.DoesNotContain(s.Desks, d => d.OpenMinutes > 80);
    }

    /// <summary>Monday 30 November's walk-in called at desk 1 by clerk 1 at 09:00 (UTC+2).</summary>
    static WalkInTicket MondayWalkIn(Ids ids, TicketStatus status, DateTime? doneUtc) => new()
    {
        Id = Guid.NewGuid(),
        Code = $"MON{status}",
        OfficeId = ids.Office,
        Day = new DateOnly(2026, 11, 30),
        Number = 1,
        ServiceId = ids.ServiceA,
        DurationMinutes = 15,
        Status = status,
        IssuedUtc = new DateTime(2026, 11, 30, 6, 55, 0, DateTimeKind.Utc),
        CalledUtc = new DateTime(2026, 11, 30, 7, 0, 0, DateTimeKind.Utc),
        DoneUtc = doneUtc,
        CalledDeskId = ids.Desk1,
        CalledByUserId = ids.Clerk1,
    };

    [Fact]
    public async Task Clerks_CountThePeopleTheyServedAndTheirMinutes_FromTheCallsTheyMade()
    {
        var (ids, s) = await StatisticsAsync();

        // Υπάλληλος 1: served 1, 2, T1 (10 was called by clerk 2, 11 is outside); minutes 15 (1) + 10 (2) + 15 (T1) + 1 (T4) = 41.
        // Υπάλληλος 2: served 9, T2, 10; minutes 5 (3) + 30 (9) + 20 (T2) + 10 (T2 before it was interrupted) + 20 (10) = 85.
        Assert.Equal(
            [new ClerkStatisticsDto(ids.Clerk1, "Υπάλληλος 1", 3, 41), new ClerkStatisticsDto(ids.Clerk2, "Υπάλληλος 2", 3, 85)],
            s.Clerks);
    }

    [Fact]
    public async Task Gaps_AreTheDesksFreeTimeBeforeTheirLastAppointment_AndTheWalkInsPartOfIt()
    {
        var (_, s) = await StatisticsAsync();

        // Every booking is at desk 1. Monday: its last appointment (8) ends 13:15, so 08:00–13:15 = 315 minutes, less
        // the appointments served there (1: 15, 2: 10; 3 and 9 were served at desk 2) = 290 free; walk-in T1 took 15 of
        // them. Tuesday: 10 ends 09:15, so 75 minutes, all free (10 was called at 10:30, T4 at 11:05: after it).
        // Desk 2 had no appointment booked on either day. 15 / 365 = 0.041.
        Assert.Equal(new GapFigures(FreeMinutes: 365, WalkInMinutes: 15, Share: 0.041), s.Gaps);
    }

    [Fact]
    public async Task FinishedDays_AreCountedOnce_AndCountedAgainWhenTheirDayChanges()
    {
        var (ids, first) = await StatisticsAsync();
        // Monday and Tuesday are over (the clock is at 1 December 08:00 in Athens): both are kept, today never is.
        var week = await Admin.GetFromJsonAsync<StatisticsDto>("/api/admin/statistics?from=2026-11-23&to=2026-12-01");
        var kept = await Db(db => db.DayFigures.Select(d => d.Day).OrderBy(d => d).ToListAsync());
        Assert.Equal(Enumerable.Range(23, 8).Select(d => new DateOnly(2026, 11, d)), kept);
        Assert.Equal(5, week!.Bookings.Served); // 1, 2, 9, 10 and Wednesday's 11

        // A row changed behind the day's back is not seen: the kept count is read, not the bookings.
        await Db(db => db.Bookings.Where(b => b.Status == BookingStatus.NoShow).ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BookingStatus.Served)));
        var again = await Admin.GetFromJsonAsync<StatisticsDto>("/api/admin/statistics?from=2026-11-23&to=2026-11-24");
        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(again));

        // Once the day's version moves (every queue change of the day bumps it), Monday is counted again.
        await Db(async db =>
        {
            if (await db.OfficeDays.FindAsync(ids.Office, Monday) is { } day)
                day.Version++;
            else
                db.OfficeDays.Add(new OfficeDay { OfficeId = ids.Office, Day = Monday, Version = 1 });
            return await db.SaveChangesAsync();
        });
        var changed = await Admin.GetFromJsonAsync<StatisticsDto>("/api/admin/statistics?from=2026-11-23&to=2026-11-24");
        Assert.Equal((first.Bookings.Served + 1, 0), (changed!.Bookings.Served, changed.Bookings.NoShows));
        // Over the week, Monday (counted again) and today are two separate reads around the kept days between them.
        await Db(db => db.OfficeDays.Where(d => d.OfficeId == ids.Office && d.Day == Monday).ExecuteUpdateAsync(u => u.SetProperty(d => d.Version, d => d.Version + 1)));
        var weekChanged = await Admin.GetFromJsonAsync<StatisticsDto>("/api/admin/statistics?from=2026-11-23&to=2026-12-01");
        Assert.Equal(week.Bookings.Served + 1, weekChanged!.Bookings.Served);
    }

    [Fact]
    public async Task TheNightlyJob_KeepsEachOfficesFinishedDaysOfTheLastYear_Once()
    {
        var services = await Admin.GetFromJsonAsync<List<AdminService>>("/api/admin/services");
        await Db(db => WriteAsync(db, services![0].Id, services[1].Id));

        async Task<int> NightAsync()
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<StatisticsJob>().RunAsync(CancellationToken.None);
        }

        // Today is 1 December: 366 days up to 30 November, for each of the demo's two offices; the second night has none left.
        Assert.Equal(2 * 366, await NightAsync());
        Assert.Equal(0, await NightAsync());
        var s = await Admin.GetFromJsonAsync<StatisticsDto>("/api/admin/statistics?from=2026-11-23&to=2026-11-24");
        Assert.Equal((4, 1, 365.0), (s!.Bookings.Served, s.Bookings.NoShows, s.Gaps.FreeMinutes));
    }

    [Fact]
    public async Task TheCsvOfTheGreekPage_IsWrittenAsGreekExcelReadsIt_SemicolonsAndADecimalComma_WhileTheApiKeepsRfc4180()
    {
        await StatisticsAsync();
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        var page = await admin.GetAsync("/admin/statistics?handler=Csv&from=2026-11-23&to=2026-11-24");
        var api = await admin.GetAsync("/api/admin/statistics.csv?from=2026-11-23&to=2026-11-24");

        var lines = Encoding.UTF8.GetString((await page.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        Assert.Equal("Ενότητα;Στοιχείο;Μέγεθος;Τιμή", lines[0]);
        Assert.Contains("Σύνολο;2026-11-23 – 2026-11-24;Εξυπηρετήθηκαν;4", lines);
        Assert.Contains(lines, l => l.EndsWith(";26,4", StringComparison.Ordinal));
        var apiLines = Encoding.UTF8.GetString((await api.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        Assert.Equal("Ενότητα,Στοιχείο,Μέγεθος,Τιμή", apiLines[0]);
        Assert.Contains(apiLines, l => l.EndsWith(",26.4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCsv_IsUtf8WithABom_WithHeadersAndFiguresInTheCallersLanguage()
    {
        await StatisticsAsync();
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        var greek = await admin.GetAsync("/api/admin/statistics.csv?from=2026-11-23&to=2026-11-24");
        var english = await admin.SendAsync(ProblemAssert.Request("en-header", HttpMethod.Get, "/api/admin/statistics.csv?from=2026-11-23&to=2026-11-24"));

        Assert.Equal(HttpStatusCode.OK, greek.StatusCode);
        Assert.Equal("text/csv", greek.Content.Headers.ContentType?.MediaType);
        Assert.Equal("statistics-2026-11-23-2026-11-24.csv", greek.Content.Headers.ContentDisposition?.FileNameStar ?? greek.Content.Headers.ContentDisposition?.FileName);
        var bytes = await greek.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Ενότητα,Στοιχείο,Μέγεθος,Τιμή", lines[0]);
        Assert.Contains("Σύνολο,2026-11-23 – 2026-11-24,Εξυπηρετήθηκαν,4", lines);
        Assert.Contains("Σύνολο,2026-11-23 – 2026-11-24,Διάμεση αναμονή χωρίς ραντεβού (λεπτά),12", lines);
        Assert.Contains("Θυρίδα,Θυρίδα 2,Αξιοποίηση (%),9", lines);
        Assert.Contains("Υπάλληλος,Υπάλληλος 2,Λεπτά εξυπηρέτησης,85", lines);
        Assert.Contains("Σύνολο,2026-11-23 – 2026-11-24,Αργοπορημένοι που επέλεξαν το τέλος της ημέρας,2", lines);
        var englishLines = Encoding.UTF8.GetString((await english.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        Assert.Equal("Section,Item,Measure,Value", englishLines[0]);
        Assert.Contains("Total,2026-11-23 – 2026-11-24,\"Walk-in wait, 90th percentile (minutes)\",26.4", englishLines);
        Assert.Contains("Hour,10:00–11:00,Minutes serving,55", englishLines);
        Assert.Contains("Punctuality,30+ minutes late,Arrivals,1", englishLines);
        Assert.Contains("Clerk,Υπάλληλος 1,Served,3", englishLines);
        Assert.Contains("Total,2026-11-23 – 2026-11-24,Served in gaps between appointments,1", englishLines);
        Assert.Contains("Total,2026-11-23 – 2026-11-24,Served after the interruption,1", englishLines);
    }

    public static TheoryData<string, string, string> BadPeriods => new()
    {
        { "from=2026-11-24&to=2026-11-23", "to", "el" },
        { "from=2025-11-01&to=2026-11-02", "to", "en-query" },
        { "from=23/11/2026&to=2026-11-24", "from", "en-header" },
        { "to=2026-11-24", "from", "el" },
    };

    [Theory]
    [MemberData(nameof(BadPeriods))]
    public async Task APeriodBackwardsTooLongOrUnreadable_Is400_InTheCallersLanguage(string query, string field, string language)
    {
        var admin = await PageForms.SignInAsync(App, "admin@example.org");
        foreach (var url in new[] { "/api/admin/statistics?", "/api/admin/statistics.csv?" })
        {
            var response = await admin.SendAsync(ProblemAssert.Request(language, HttpMethod.Get, url + query));
            await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, MessageKeys.Invalid, language, field);
        }
    }
}

/// <summary>The same statistics on PostgreSQL: its grouping and projections read the same history the same way.</summary>
[Trait("Database", "PostgreSql")]
public sealed class StatisticsApiTestsOnPostgres : StatisticsApiTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
