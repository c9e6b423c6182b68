using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;
using static Rantevou.Core.Statistics.DayRows;

namespace Rantevou.Core.Statistics;

/// <summary>
/// Counts office days from what the live day stores (statuses, check-in, call and done times, the calling clerk, the
/// end-of-day choice, walk-in tickets, interruptions): a handful of queries over indexed columns (office + start, office +
/// creation, office + day), each reading only the columns it needs, then one <see cref="DayTally"/> per day.
/// </summary>
static class DayCount
{
    /// <summary>
    /// The days' tallies, read a run of consecutive days at a time: today and one day changed months ago are two small
    /// reads, not the months between.
    /// </summary>
    public static async Task<Dictionary<DateOnly, DayTally>> DaysAsync(RantevouDbContext db, Office office, IEnumerable<DateOnly> days,
        DateTime nowUtc, CancellationToken ct)
    {
        var tallies = new Dictionary<DateOnly, DayTally>();
        var active = await db.Desks.AsNoTracking().Where(d => d.OfficeId == office.Id && d.Active).Select(d => d.Id).ToListAsync(ct);
        foreach (var run in Runs(days.Order()))
        {
            foreach (var (day, tally) in await RunAsync(db, office, run[0], run[^1], active, nowUtc, ct))
                tallies[day] = tally;
        }
        return tallies;
    }

    static IEnumerable<List<DateOnly>> Runs(IEnumerable<DateOnly> days)
    {
        var run = new List<DateOnly>();
        foreach (var day in days)
        {
            if (run.Count > 0 && day != run[^1].AddDays(1))
            {
                yield return run;
                run = [];
            }
            run.Add(day);
        }
        if (run.Count > 0)
            yield return run;
    }

    static async Task<IEnumerable<(DateOnly, DayTally)>> RunAsync(RantevouDbContext db, Office office, DateOnly from, DateOnly to, List<int> active,
        DateTime nowUtc, CancellationToken ct)
    {
        var (officeId, zone) = (office.Id, office.TimeZone);
        var (fromUtc, toUtc) = (OfficeCalendar.DayStartUtc(from, zone), OfficeCalendar.DayStartUtc(to.AddDays(1), zone));

        var made = await db.Bookings.AsNoTracking()
            .Where(b => b.OfficeId == officeId && b.CreatedUtc >= fromUtc && b.CreatedUtc < toUtc)
            .Select(b => new Made(b.ServiceId, b.AgentId != null, b.CreatedUtc)).ToListAsync(ct);
        var appointments = await db.Bookings.AsNoTracking()
            .Where(b => b.OfficeId == officeId && b.StartUtc >= fromUtc && b.StartUtc < toUtc)
            .Select(b => new Appointment(b.ServiceId, b.StartUtc, b.Status, b.AgentId != null, b.ConfirmedUtc != null, b.CheckedInUtc,
                b.Late, b.CalledUtc, b.CalledDeskId, b.DoneUtc, b.Reschedules > 0, b.ReminderSentUtc != null, b.ReminderAnswer)
            {
                Id = b.Id,
                DeskId = b.DeskId,
                EndUtc = b.EndUtc,
                CalledBy = b.CalledByUserId,
                EndOfDay = b.EndOfDayChosenUtc != null,
            }).ToListAsync(ct);
        var tickets = await db.WalkInTickets.AsNoTracking()
            .Where(t => t.OfficeId == officeId && t.Day >= from && t.Day <= to)
            .Select(t => new Ticket(t.ServiceId, t.Status, t.IssuedUtc, t.CalledUtc, t.CalledDeskId, t.DoneUtc)
            {
                Id = t.Id,
                Day = t.Day,
                CalledBy = t.CalledByUserId,
            }).ToListAsync(ct);
        var interruptions = await db.Interruptions.AsNoTracking()
            .Where(i => i.OfficeId == officeId && i.Day >= from && i.Day <= to)
            .Select(i => new Cut(i.Day, i.DeskId, i.ServiceId, i.CalledUtc, i.AtUtc, i.CalledByUserId, i.BookingId, i.TicketId)).ToListAsync(ct);

        var madeOn = made.ToLookup(m => DateOnly.FromDateTime(Local(m.CreatedUtc, zone)));
        var appointmentsOn = appointments.ToLookup(a => DateOnly.FromDateTime(Local(a.StartUtc, zone)));
        var ticketsOn = tickets.ToLookup(t => t.Day);
        var interruptionsOn = interruptions.ToLookup(i => i.Day);
        return Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Select(d => (d, new CountedDay(office, d, active,
            madeOn[d].ToList(), appointmentsOn[d].ToList(), ticketsOn[d].ToList(), interruptionsOn[d].ToList(), nowUtc).Tally()));
    }
}
