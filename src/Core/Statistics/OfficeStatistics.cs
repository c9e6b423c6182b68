using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Admin;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Statistics;

/// <summary>
/// The administrators' statistics of one office over a period of office days. Everything comes from what the live day
/// stores (statuses, check-in, call and done times, the calling clerk, the end-of-day choice, walk-in tickets, interruptions): a handful of queries over indexed
/// columns (office + start, office + creation, office + day), each reading only the columns it needs, summed up in memory.
/// </summary>
public sealed class OfficeStatistics(RantevouDbContext db)
{
    public async Task<StatisticsDto> ForOfficeAsync(int officeId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var office = await OfficeLoader.LoadAsync(db, officeId, ct);
        var zone = office.TimeZone;
        var fromUtc = OfficeCalendar.ToUtc(from, TimeOnly.MinValue, zone);
        var toUtc = OfficeCalendar.ToUtc(to.AddDays(1), TimeOnly.MinValue, zone);

        var made = await db.Bookings.AsNoTracking()
            .Where(b => b.OfficeId == officeId && b.CreatedUtc >= fromUtc && b.CreatedUtc < toUtc)
            .GroupBy(b => new { b.ServiceId, Agent = b.AgentId != null })
            .Select(g => new MadeCount(g.Key.ServiceId, g.Key.Agent, g.Count())).ToListAsync(ct);
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
            .Select(i => new Cut(i.DeskId, i.ServiceId, i.CalledUtc, i.AtUtc, i.CalledByUserId, i.BookingId, i.TicketId)).ToListAsync(ct);
        var services = await db.Services.AsNoTracking().Where(s => s.OfficeId == officeId)
            .OrderBy(s => s.GroupId).ThenBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.NameEl, s.NameEn }).ToListAsync(ct);
        var desks = await db.Desks.AsNoTracking().Where(d => d.OfficeId == officeId).OrderBy(d => d.Number)
            .Select(d => new { d.Id, d.Number, d.NameEl, d.NameEn, d.Active }).ToListAsync(ct);

        // The desks' work: every call that ended (served or absent), and every service cut short (R13).
        var segments = appointments.Where(a => a.Status is BookingStatus.Served or BookingStatus.NoShow)
            .Select(a => (Desk: a.CalledDeskId, Called: a.CalledUtc, Done: a.DoneUtc))
            .Concat(tickets.Where(t => t.Status is TicketStatus.Served or TicketStatus.NoShow).Select(t => (Desk: t.CalledDeskId, Called: t.CalledUtc, Done: t.DoneUtc)))
            .Where(s => s.Desk is not null && s.Called is not null && s.Done >= s.Called)
            .Select(s => new Segment(s.Desk!.Value, Local(s.Called!.Value, zone), Local(s.Done!.Value, zone)))
            .Concat(interruptions.Where(i => i.AtUtc >= i.CalledUtc).Select(i => new Segment(i.DeskId, Local(i.CalledUtc, zone), Local(i.AtUtc, zone))))
            .ToList();
        var work = DeskTime.Measure(office, from, to, desks.Where(d => d.Active).Select(d => d.Id), segments);

        var gaps = LastAppointmentEnds(appointments, zone);
        var madeOf = made.ToLookup(m => m.ServiceId);
        var appointmentsOf = appointments.ToLookup(a => a.ServiceId);
        var ticketsOf = tickets.ToLookup(t => t.ServiceId);
        var serviceList = services.Select(s => new ServiceStatisticsDto(s.Id, s.NameEl, s.NameEn,
            Bookings(madeOf[s.Id], appointmentsOf[s.Id]), WalkIns(ticketsOf[s.Id], gaps), Waiting(appointmentsOf[s.Id], ticketsOf[s.Id]),
            interruptions.Count(i => i.ServiceId == s.Id))).ToList();

        var servedAt = appointments.Where(a => a.Status == BookingStatus.Served).Select(a => a.CalledDeskId)
            .Concat(tickets.Where(t => t.Status == TicketStatus.Served).Select(t => t.CalledDeskId)).ToLookup(d => d);
        var deskList = desks.Where(d => d.Active || work.Desks.ContainsKey(d.Id)).Select(d =>
        {
            var (busy, open) = work.Desks.GetValueOrDefault(d.Id);
            return new DeskStatisticsDto(d.Id, d.Number, d.NameEl, d.NameEn, servedAt[d.Id].Count(), Round(busy), Round(open), Ratio(busy, open),
                interruptions.Count(i => i.DeskId == d.Id));
        }).ToList();

        return new StatisticsDto(from, to, work.OpenDays, Bookings(made, appointments), Arrivals(appointments), Waiting(appointments, tickets),
            WalkIns(tickets, gaps), interruptions.Count, serviceList, deskList, Hours(appointments, tickets, work, zone),
            await ClerksAsync(appointments, tickets, interruptions, ct), Interrupted(appointments, tickets, interruptions));
    }

    /// <summary>
    /// Per clerk, from the staff account stored at each call: served are the people whose last call was theirs; their
    /// minutes are called → done of the calls they ended (served or absent) plus the services of theirs cut short (R13).
    /// Calls stored before the clerk was recorded have no account and are left out.
    /// </summary>
    async Task<List<ClerkStatisticsDto>> ClerksAsync(List<Appointment> appointments, List<Ticket> tickets, List<Cut> interruptions,
        CancellationToken ct)
    {
        var calls = appointments.Where(a => a.Status is BookingStatus.Served or BookingStatus.NoShow)
            .Select(a => (By: a.CalledBy, Served: a.Status == BookingStatus.Served, Called: a.CalledUtc, Done: a.DoneUtc))
            .Concat(tickets.Where(t => t.Status is TicketStatus.Served or TicketStatus.NoShow)
                .Select(t => (By: t.CalledBy, Served: t.Status == TicketStatus.Served, Called: t.CalledUtc, Done: t.DoneUtc)))
            .Where(c => c.By is not null && c.Called is not null && c.Done >= c.Called)
            .Select(c => (By: c.By!, c.Served, Minutes: (c.Done!.Value - c.Called!.Value).TotalMinutes))
            .Concat(interruptions.Where(i => i.CalledBy is not null && i.AtUtc >= i.CalledUtc)
                .Select(i => (By: i.CalledBy!, Served: false, Minutes: (i.AtUtc - i.CalledUtc).TotalMinutes)))
            .ToLookup(c => c.By);
        var ids = calls.Select(g => g.Key).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        // An account removed since keeps its row under its id: its work was done in the period all the same.
        return calls.Select(g => new ClerkStatisticsDto(g.Key, names.GetValueOrDefault(g.Key) is { Length: > 0 } name ? name : g.Key,
                g.Count(c => c.Served), Round(g.Sum(c => c.Minutes))))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.UserId, StringComparer.Ordinal).ToList();
    }

    /// <summary>R13: each interrupted person once, followed to what became of them by the booking or ticket the interruption names.</summary>
    static InterruptedFigures Interrupted(List<Appointment> appointments, List<Ticket> tickets, List<Cut> interruptions)
    {
        var bookings = appointments.ToDictionary(a => a.Id, a => a.Status);
        var walkIns = tickets.ToDictionary(t => t.Id, t => t.Status);
        var people = interruptions.Select(i => (i.BookingId, i.TicketId)).Where(p => p.BookingId is not null || p.TicketId is not null).Distinct().ToList();
        var served = 0;
        var notServed = 0;
        foreach (var (bookingId, ticketId) in people)
        {
            if (bookingId is { } b && bookings.TryGetValue(b, out var status))
            {
                served += status == BookingStatus.Served ? 1 : 0;
                notServed += status is BookingStatus.NoShow or BookingStatus.Expired ? 1 : 0;
            }
            else if (ticketId is { } t && walkIns.TryGetValue(t, out var ticket))
            {
                served += ticket == TicketStatus.Served ? 1 : 0;
                notServed += ticket is TicketStatus.NoShow or TicketStatus.Closed ? 1 : 0;
            }
        }
        return new InterruptedFigures(people.Count, served, notServed);
    }

    /// <summary>
    /// R6: per desk and office day, when the last appointment booked there ended (cancelled and released ones never
    /// took their time): a walk-in called before it was served in a gap between appointments.
    /// </summary>
    static Dictionary<(int Desk, DateOnly Day), DateTime> LastAppointmentEnds(List<Appointment> appointments, TimeZoneInfo zone) =>
        appointments.Where(a => a.Status is not (BookingStatus.Cancelled or BookingStatus.Released or BookingStatus.Pending))
            .GroupBy(a => (a.DeskId, DateOnly.FromDateTime(Local(a.StartUtc, zone))))
            .ToDictionary(g => g.Key, g => g.Max(a => a.EndUtc));

    static BookingFigures Bookings(IEnumerable<MadeCount> made, IEnumerable<Appointment> appointments)
    {
        var a = appointments.ToList();
        var m = made.ToList();
        return new BookingFigures(m.Sum(x => x.Count), m.Where(x => x.Agent).Sum(x => x.Count), a.Count, a.Count(x => x.Agent),
            a.Count(x => x.Confirmed), Count(a, BookingStatus.Cancelled), Count(a, BookingStatus.Released),
            // R5: the sweep expires a booking nobody checked in for; one expired at closing had checked in and waited.
            a.Count(x => x.Status == BookingStatus.Expired && x.CheckedInUtc is null), Count(a, BookingStatus.NoShow), Count(a, BookingStatus.Void),
            Count(a, BookingStatus.Served), a.Count(x => x.Status == BookingStatus.Expired && x.CheckedInUtc is not null),
            a.Count(x => x.Rescheduled), a.Count(x => x.Reminded), a.Count(x => x.Answer == ReminderAnswer.Coming),
            a.Count(x => x.Answer == ReminderAnswer.Released));
    }

    static int Count(List<Appointment> a, BookingStatus status) => a.Count(x => x.Status == status);

    static ArrivalFigures Arrivals(List<Appointment> appointments)
    {
        var arrived = appointments.Where(a => a.CheckedInUtc is not null).ToList();
        var late = arrived.Where(a => a.Late).ToList();
        var buckets = Punctuality.Buckets(arrived.Select(a => (a.CheckedInUtc!.Value - a.StartUtc).TotalMinutes));
        var endOfDay = appointments.Where(a => a.EndOfDay).ToList();
        return new ArrivalFigures(arrived.Count, late.Count, late.Count(a => a.Status == BookingStatus.Served), buckets, endOfDay.Count,
            endOfDay.Count(a => a.Status == BookingStatus.Served));
    }

    static WalkInFigures WalkIns(IEnumerable<Ticket> tickets, Dictionary<(int Desk, DateOnly Day), DateTime> lastAppointmentEnds)
    {
        var t = tickets.ToList();
        var served = t.Where(x => x.Status == TicketStatus.Served).ToList();
        var inGaps = served.Count(x => x.CalledDeskId is { } desk && x.CalledUtc is { } called
            && lastAppointmentEnds.TryGetValue((desk, x.Day), out var end) && called < end);
        return new WalkInFigures(t.Count, served.Count, t.Count(x => x.Status == TicketStatus.NoShow),
            t.Count(x => x.Status == TicketStatus.Closed), inGaps, served.Count - inGaps);
    }

    static WaitingFigures Waiting(IEnumerable<Appointment> appointments, IEnumerable<Ticket> tickets) =>
        new(Wait(AppointmentWaits(appointments).Select(w => w.Minutes)), Wait(TicketWaits(tickets).Select(w => w.Minutes)));

    /// <summary>Check-in to the (last) call: a person interrupted (R13) and called again waited until that call.</summary>
    static IEnumerable<(DateTime Arrived, double Minutes)> AppointmentWaits(IEnumerable<Appointment> appointments) =>
        appointments.Where(a => a.CheckedInUtc is not null && a.CalledUtc >= a.CheckedInUtc)
            .Select(a => (a.CheckedInUtc!.Value, (a.CalledUtc!.Value - a.CheckedInUtc!.Value).TotalMinutes));

    static IEnumerable<(DateTime Arrived, double Minutes)> TicketWaits(IEnumerable<Ticket> tickets) =>
        tickets.Where(t => t.CalledUtc >= t.IssuedUtc).Select(t => (t.IssuedUtc, (t.CalledUtc!.Value - t.IssuedUtc).TotalMinutes));

    static WaitFigures Wait(IEnumerable<double> minutes)
    {
        var sorted = minutes.Order().ToArray();
        return sorted.Length == 0 ? new WaitFigures(0, null, null)
            : new WaitFigures(sorted.Length, Round(ServiceTimes.Percentile(sorted, 0.5)), Round(ServiceTimes.Percentile(sorted, 0.9)));
    }

    static List<HourStatisticsDto> Hours(List<Appointment> appointments, List<Ticket> tickets, DeskTime work, TimeZoneInfo zone)
    {
        var served = appointments.Where(a => a.Status == BookingStatus.Served && a.DoneUtc is not null).Select(a => a.DoneUtc!.Value)
            .Concat(tickets.Where(t => t.Status == TicketStatus.Served && t.DoneUtc is not null).Select(t => t.DoneUtc!.Value))
            .ToLookup(d => Local(d, zone).Hour);
        var appointmentWaits = AppointmentWaits(appointments).ToLookup(w => Local(w.Arrived, zone).Hour, w => w.Minutes);
        var ticketWaits = TicketWaits(tickets).ToLookup(w => Local(w.Arrived, zone).Hour, w => w.Minutes);
        var hours = work.Hours.Keys.Concat(served.Select(g => g.Key)).Concat(appointmentWaits.Select(g => g.Key))
            .Concat(ticketWaits.Select(g => g.Key)).ToList();
        if (hours.Count == 0)
            return [];
        return Enumerable.Range(hours.Min(), hours.Max() - hours.Min() + 1).Select(h =>
        {
            var (busy, open) = work.Hours.GetValueOrDefault(h);
            return new HourStatisticsDto(h, served[h].Count(), Wait(appointmentWaits[h]), Wait(ticketWaits[h]), Round(busy), Round(open), Ratio(busy, open));
        }).ToList();
    }

    static DateTime Local(DateTime utc, TimeZoneInfo zone) => OfficeCalendar.ToLocal(utc, zone).DateTime;

    static double Round(double minutes) => Math.Round(minutes, 1, MidpointRounding.AwayFromZero);

    static double? Ratio(double busy, double open) => open > 0 ? Math.Round(busy / open, 3, MidpointRounding.AwayFromZero) : null;

    sealed record MadeCount(int ServiceId, bool Agent, int Count);

    sealed record Appointment(int ServiceId, DateTime StartUtc, BookingStatus Status, bool Agent, bool Confirmed, DateTime? CheckedInUtc,
        bool Late, DateTime? CalledUtc, int? CalledDeskId, DateTime? DoneUtc, bool Rescheduled, bool Reminded, ReminderAnswer? Answer)
    {
        public Guid Id { get; init; }
        public int DeskId { get; init; }
        public DateTime EndUtc { get; init; }
        public string? CalledBy { get; init; }
        public bool EndOfDay { get; init; }
    }

    sealed record Ticket(int ServiceId, TicketStatus Status, DateTime IssuedUtc, DateTime? CalledUtc, int? CalledDeskId, DateTime? DoneUtc)
    {
        public Guid Id { get; init; }
        public DateOnly Day { get; init; }
        public string? CalledBy { get; init; }
    }

    sealed record Cut(int DeskId, int ServiceId, DateTime CalledUtc, DateTime AtUtc, string? CalledBy, Guid? BookingId, Guid? TicketId);
}
