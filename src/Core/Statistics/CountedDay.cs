using Rantevou.Contracts.Admin;
using Rantevou.Core.Booking;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Offices;
using static Rantevou.Core.Statistics.DayRows;

namespace Rantevou.Core.Statistics;

/// <summary>One office day's rows (<see cref="DayRows"/>) and how they are counted into its <see cref="DayTally"/>.</summary>
sealed class CountedDay(Office office, DateOnly day, List<int> active, List<Made> made, List<Appointment> appointments, List<Ticket> tickets,
    List<Cut> interruptions, DateTime nowUtc)
{
    readonly TimeZoneInfo zone = office.TimeZone;
    readonly DateTime now = OfficeCalendar.ToLocal(nowUtc, office.TimeZone).DateTime;

    public DayTally Tally()
    {
        // The desks' work: every call that ended (served or absent), the person at a desk now (up to now), and every
        // service cut short (R13). A call left open on an earlier day has no known end and counts nothing: up to now it
        // would run over the days since, and a kept day's figure would depend on when it was first counted.
        DateTime? atDeskUntil = nowUtc < OfficeCalendar.DayStartUtc(day.AddDays(1), zone) ? nowUtc : null;
        var segments = appointments.Where(a => a.Status is BookingStatus.Served or BookingStatus.NoShow or BookingStatus.Called)
            .Select(a => (Desk: a.CalledDeskId, Called: a.CalledUtc, Done: a.Status == BookingStatus.Called ? atDeskUntil : a.DoneUtc, WalkIn: false))
            .Concat(tickets.Where(t => t.Status is TicketStatus.Served or TicketStatus.NoShow or TicketStatus.Called)
                .Select(t => (Desk: t.CalledDeskId, Called: t.CalledUtc, Done: t.Status == TicketStatus.Called ? atDeskUntil : t.DoneUtc,
                    WalkIn: true)))
            .Where(s => s.Desk is not null && s.Called is not null && s.Done >= s.Called)
            .Select(s => (Segment: new Segment(s.Desk!.Value, Local(s.Called!.Value), Local(s.Done!.Value)), s.WalkIn))
            .Concat(interruptions.Where(i => i.AtUtc >= i.CalledUtc)
                .Select(i => (Segment: new Segment(i.DeskId, Local(i.CalledUtc), Local(i.AtUtc)), WalkIn: i.TicketId is not null)))
            .ToList();
        var work = DeskTime.Measure(office, day, day, active, segments.Select(s => s.Segment).ToList(), now);
        var lastEnds = LastAppointmentEnds();

        var madeOf = made.ToLookup(m => m.ServiceId);
        var appointmentsOf = appointments.ToLookup(a => a.ServiceId);
        var ticketsOf = tickets.ToLookup(t => t.ServiceId);
        var interruptionsOf = interruptions.ToLookup(i => i.ServiceId);
        var services = madeOf.Select(g => g.Key).Union(appointmentsOf.Select(g => g.Key)).Union(ticketsOf.Select(g => g.Key))
            .Union(interruptionsOf.Select(g => g.Key));

        return new DayTally
        {
            OpenDays = work.OpenDays,
            Services = services.ToDictionary(s => s, s => new ServiceTally(Bookings(madeOf[s], appointmentsOf[s]),
                WalkIns(ticketsOf[s], lastEnds), Waits(appointmentsOf[s], ticketsOf[s]), interruptionsOf[s].Count())),
            Arrivals = Arrivals(),
            Interrupted = Interrupted(),
            Gaps = Gaps(segments, lastEnds),
            Desks = Desks(work),
            Hours = Hours(work),
            Clerks = Clerks(),
        };
    }

    Dictionary<int, DeskTally> Desks(DeskTime work)
    {
        var servedAt = appointments.Where(a => a.Status == BookingStatus.Served).Select(a => a.CalledDeskId)
            .Concat(tickets.Where(t => t.Status == TicketStatus.Served).Select(t => t.CalledDeskId)).ToLookup(d => d);
        return work.Desks.ToDictionary(d => d.Key, d => new DeskTally(servedAt[d.Key].Count(), d.Value.Busy, d.Value.Open,
            interruptions.Count(i => i.DeskId == d.Key)));
    }

    Dictionary<int, HourTally> Hours(DeskTime work)
    {
        var served = appointments.Where(a => a.Status == BookingStatus.Served).Select(a => a.DoneUtc)
            .Concat(tickets.Where(t => t.Status == TicketStatus.Served).Select(t => t.DoneUtc)).OfType<DateTime>()
            .ToLookup(d => Local(d).Hour);
        var arrived = AppointmentWaits(appointments).Concat(TicketWaits(tickets)).Select(w => Local(w.Arrived).Hour);
        return work.Hours.Keys.Concat(served.Select(g => g.Key)).Concat(arrived).Distinct().ToDictionary(h => h, h =>
        {
            var (busy, open) = work.Hours.GetValueOrDefault(h);
            return new HourTally(served[h].Count(), busy, open);
        });
    }

    /// <summary>
    /// Per clerk, from the staff account stored at each call: served are the people whose last call was theirs; their
    /// minutes are called → done of the calls they ended (served or absent) plus the services of theirs cut short (R13).
    /// Calls stored before the clerk was recorded have no account and are left out.
    /// </summary>
    Dictionary<string, ClerkTally> Clerks() =>
        appointments.Where(a => a.Status is BookingStatus.Served or BookingStatus.NoShow)
            .Select(a => (By: a.CalledBy, Served: a.Status == BookingStatus.Served, Called: a.CalledUtc, Done: a.DoneUtc))
            .Concat(tickets.Where(t => t.Status is TicketStatus.Served or TicketStatus.NoShow)
                .Select(t => (By: t.CalledBy, Served: t.Status == TicketStatus.Served, Called: t.CalledUtc, Done: t.DoneUtc)))
            .Where(c => c.By is not null && c.Called is not null && c.Done >= c.Called)
            .Select(c => (By: c.By!, c.Served, Minutes: (c.Done!.Value - c.Called!.Value).TotalMinutes))
            .Concat(interruptions.Where(i => i.CalledBy is not null && i.AtUtc >= i.CalledUtc)
                .Select(i => (By: i.CalledBy!, Served: false, Minutes: (i.AtUtc - i.CalledUtc).TotalMinutes)))
            .GroupBy(c => c.By)
            .ToDictionary(g => g.Key, g => new ClerkTally(g.Count(c => c.Served), g.Sum(c => c.Minutes)));

    /// <summary>R13: each interrupted person once, followed to what became of them by the booking or ticket the interruption names.</summary>
    InterruptedFigures Interrupted()
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
    /// R6: per desk, when the last appointment booked there that day ended (cancelled and released ones never took
    /// their time): a walk-in called before it was served in a gap between appointments.
    /// </summary>
    Dictionary<int, DateTime> LastAppointmentEnds() =>
        appointments.Where(a => a.Status is not (BookingStatus.Cancelled or BookingStatus.Released or BookingStatus.Pending))
            .GroupBy(a => a.DeskId).ToDictionary(g => g.Key, g => g.Max(a => a.EndUtc));

    /// <summary>
    /// R6: per desk, the time from opening to the end of its last appointment that nobody with an appointment was
    /// being served in, and the part of it walk-ins were (each stretch cut to that window).
    /// </summary>
    GapFigures Gaps(List<(Segment Segment, bool WalkIn)> segments, Dictionary<int, DateTime> lastEnds)
    {
        if (DeskTime.OpenHours(office, day, segments.Select(s => s.Segment), now) is not var (opens, dayCloses))
            return new GapFigures(0, 0, null);
        var (free, walkIns) = (0.0, 0.0);
        foreach (var (desk, end) in lastEnds)
        {
            // Today's gaps so far: the time to come is not yet free time nobody used; nor is a day's time after it closed.
            var closes = Local(end) < dayCloses ? Local(end) : dayCloses;
            var atDesk = segments.Where(s => s.Segment.DeskId == desk)
                .Select(s => (Minutes: Within(s.Segment, opens, closes), s.WalkIn)).ToList();
            free += Math.Max(0, (closes - opens).TotalMinutes - atDesk.Where(s => !s.WalkIn).Sum(s => s.Minutes));
            walkIns += atDesk.Where(s => s.WalkIn).Sum(s => s.Minutes);
        }
        return new GapFigures(free, walkIns, null);
    }

    static double Within(Segment s, DateTime from, DateTime to) =>
        Math.Max(0, ((s.To < to ? s.To : to) - (s.From > from ? s.From : from)).TotalMinutes);

    static BookingFigures Bookings(IEnumerable<Made> made, IEnumerable<Appointment> appointments)
    {
        var a = appointments.ToList();
        var m = made.ToList();
        return new BookingFigures(m.Count, m.Count(x => x.Agent), a.Count, a.Count(x => x.Agent),
            a.Count(x => x.Confirmed), Count(a, BookingStatus.Cancelled), Count(a, BookingStatus.Released),
            // R5: the sweep expires a booking nobody checked in for; one expired at closing had checked in and waited.
            a.Count(x => x.Status == BookingStatus.Expired && x.CheckedInUtc is null), Count(a, BookingStatus.NoShow), Count(a, BookingStatus.Void),
            Count(a, BookingStatus.Served), a.Count(x => x.Status == BookingStatus.Expired && x.CheckedInUtc is not null),
            a.Count(x => x.Rescheduled), a.Count(x => x.Reminded), a.Count(x => x.Answer == ReminderAnswer.Coming),
            a.Count(x => x.Answer == ReminderAnswer.Released));
    }

    static int Count(List<Appointment> a, BookingStatus status) => a.Count(x => x.Status == status);

    ArrivalFigures Arrivals()
    {
        var arrived = appointments.Where(a => a.CheckedInUtc is not null).ToList();
        var late = arrived.Where(a => a.Late).ToList();
        var buckets = Punctuality.Buckets(arrived.Select(a => (a.CheckedInUtc!.Value - a.StartUtc).TotalMinutes));
        var endOfDay = appointments.Where(a => a.EndOfDay).ToList();
        return new ArrivalFigures(arrived.Count, late.Count, late.Count(a => a.Status == BookingStatus.Served), buckets, endOfDay.Count,
            endOfDay.Count(a => a.Status == BookingStatus.Served));
    }

    static WalkInFigures WalkIns(IEnumerable<Ticket> tickets, Dictionary<int, DateTime> lastEnds)
    {
        var t = tickets.ToList();
        var served = t.Where(x => x.Status == TicketStatus.Served).ToList();
        var inGaps = served.Count(x => x.CalledDeskId is { } desk && x.CalledUtc is { } called
            && lastEnds.TryGetValue(desk, out var end) && called < end);
        return new WalkInFigures(t.Count, served.Count, t.Count(x => x.Status == TicketStatus.NoShow),
            t.Count(x => x.Status == TicketStatus.Closed), inGaps, served.Count - inGaps);
    }

    /// <summary>A service's waits by the hour of arrival: the service's figures and the hour's both add them up.</summary>
    Dictionary<int, Waits> Waits(IEnumerable<Appointment> appointments, IEnumerable<Ticket> tickets)
    {
        var a = AppointmentWaits(appointments).ToLookup(w => Local(w.Arrived).Hour, w => w.Minutes);
        var t = TicketWaits(tickets).ToLookup(w => Local(w.Arrived).Hour, w => w.Minutes);
        return a.Select(g => g.Key).Union(t.Select(g => g.Key)).ToDictionary(h => h, h => new Waits(a[h].ToList(), t[h].ToList()));
    }

    /// <summary>Check-in to the (last) call: a person interrupted (R13) and called again waited until that call.</summary>
    static IEnumerable<(DateTime Arrived, double Minutes)> AppointmentWaits(IEnumerable<Appointment> appointments) =>
        appointments.Where(a => a.CheckedInUtc is not null && a.CalledUtc >= a.CheckedInUtc)
            .Select(a => (a.CheckedInUtc!.Value, (a.CalledUtc!.Value - a.CheckedInUtc!.Value).TotalMinutes));

    static IEnumerable<(DateTime Arrived, double Minutes)> TicketWaits(IEnumerable<Ticket> tickets) =>
        tickets.Where(t => t.CalledUtc >= t.IssuedUtc).Select(t => (t.IssuedUtc, (t.CalledUtc!.Value - t.IssuedUtc).TotalMinutes));

    DateTime Local(DateTime utc) => DayRows.Local(utc, zone);
}
