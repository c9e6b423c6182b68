using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Offices;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.TestKit;

/// <summary>
/// A plausible past for an office, written straight into the database for pages to show and timings to measure: every
/// open day from <c>from</c> to <c>to</c>, each active desk booked every 15 minutes from opening, with the mix an office
/// sees (cancelled, released, late, absent, void, served) and walk-ins between. Seeded, so the same call gives the
/// same history. Not a test's known answers: <c>StatisticsHistory</c> in Hub.Tests is that.
/// </summary>
public static class OfficeHistory
{
    public static async Task<int> WriteAsync(RantevouDbContext db, int officeId, DateOnly from, DateOnly to, int walkInsPerDay = 12, int seed = 7)
    {
        var office = await db.Offices.AsNoTracking().Include(o => o.Hours).Include(o => o.SpecialDays).AsSplitQuery().SingleAsync(o => o.Id == officeId);
        var desks = await db.Desks.AsNoTracking().Where(d => d.OfficeId == officeId && d.Active).Include(d => d.Services).ToListAsync();
        var random = new Random(seed);
        var written = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (OfficeCalendar.OpenOn(day, office.TimeZone, office.Hours, office.SpecialDays) is not { } open)
                continue;
            foreach (var desk in desks.Where(d => d.Services.Count > 0))
                for (var start = open.OpenUtc; start.AddMinutes(15) <= open.CloseUtc; start = start.AddMinutes(15))
                {
                    db.Bookings.Add(Appointment(random, officeId, desk, start));
                    written++;
                }
            for (var n = 1; n <= walkInsPerDay; n++)
            {
                var desk = desks[random.Next(desks.Count)];
                if (desk.Services.Count == 0)
                    continue;
                var issued = open.OpenUtc.AddMinutes(random.Next((int)(open.CloseUtc - open.OpenUtc).TotalMinutes - 60));
                var called = issued.AddMinutes(5 + random.Next(55));
                var closed = random.NextDouble() < 0.1;
                var ticket = new WalkInTicket
                {
                    Code = $"G{day.DayNumber}{n:000}",
                    OfficeId = officeId,
                    Day = day,
                    Number = n,
                    ServiceId = desk.Services[random.Next(desk.Services.Count)].ServiceId,
                    DurationMinutes = 15,
                    Status = closed ? TicketStatus.Closed : TicketStatus.Served,
                    IssuedUtc = issued,
                    CalledUtc = closed ? null : called,
                    CalledDeskId = closed ? null : desk.Id,
                    DoneUtc = closed ? null : called.AddMinutes(6 + random.Next(12)),
                };
                db.WalkInTickets.Add(ticket);
                if (!closed && random.NextDouble() < 0.1)
                    db.Interruptions.Add(new Interruption
                    {
                        OfficeId = officeId,
                        Day = day,
                        DeskId = desk.Id,
                        ServiceId = ticket.ServiceId,
                        WalkIn = true,
                        CalledUtc = called.AddMinutes(-10),
                        AtUtc = called.AddMinutes(-4),
                    });
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return written;
    }

    static BookingEntity Appointment(Random random, int officeId, Desk desk, DateTime start)
    {
        var roll = random.NextDouble();
        var status = roll switch
        {
            < 0.08 => BookingStatus.Cancelled,
            < 0.11 => BookingStatus.Released,
            < 0.16 => BookingStatus.Expired,
            < 0.19 => BookingStatus.NoShow,
            < 0.20 => BookingStatus.Void,
            _ => BookingStatus.Served,
        };
        var arrived = status is BookingStatus.Served or BookingStatus.NoShow;
        // Most come 0–20 minutes early; about one in eight a little late.
        var checkedIn = arrived ? start.AddMinutes(random.NextDouble() < 0.12 ? random.Next(1, 9) : -random.Next(0, 21)) : (DateTime?)null;
        var called = arrived ? (checkedIn > start ? checkedIn.Value : start).AddMinutes(random.Next(0, 12)) : (DateTime?)null;
        var created = start.AddDays(-random.Next(1, 30)).AddMinutes(-random.Next(0, 600));
        var agent = random.NextDouble() < 0.15;
        return new BookingEntity
        {
            Id = Guid.NewGuid(),
            Code = BookingCode.New(),
            OfficeId = officeId,
            ServiceId = desk.Services[random.Next(desk.Services.Count)].ServiceId,
            DeskId = desk.Id,
            StartUtc = start,
            EndUtc = start.AddMinutes(15),
            DurationMinutes = 15,
            Status = status,
            FullName = "Ιστορικό Πρόσωπο",
            Email = "history@example.org",
            Mobile = "6900000000",
            AgentId = agent ? "history-agent" : null,
            AgentName = agent ? "Σχολή Οδηγών" : null,
            CreatedUtc = created,
            ConfirmedUtc = status == BookingStatus.Released ? null : created.AddMinutes(10),
            CheckedInUtc = checkedIn,
            Late = checkedIn > start,
            CalledUtc = called,
            CalledDeskId = arrived ? desk.Id : null,
            DoneUtc = called?.AddMinutes(status == BookingStatus.NoShow ? 2 : 6 + random.Next(9)),
        };
    }
}
