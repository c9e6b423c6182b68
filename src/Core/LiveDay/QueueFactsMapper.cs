using Rantevou.Core.Booking;
using Rantevou.Core.Queue;
using BookingEntity = Rantevou.Core.Booking.Booking;
using QueuedTicket = Rantevou.Core.Queue.QueuedWalkIn;
using TicketEntity = Rantevou.Core.LiveDay.WalkInTicket;

namespace Rantevou.Core.LiveDay;

/// <summary>Turns the stored day into the pure policy's facts for one desk (the policy in Core/Queue knows no database).</summary>
public static class QueueFactsMapper
{
    public static DeskFacts ForDesk(DayFacts day, Offices.Desk desk)
    {
        var services = day.ServicesByDesk[desk.Id].ToHashSet();
        var appointments = day.Bookings.Where(b => b.DeskId == desk.Id && State(b) is not null)
            .Select(b => new QueuedAppointment(b.Id, b.StartUtc, b.EndUtc, b.DurationMinutes, State(b)!.Value, b.CheckedInUtc))
            .ToList();
        var walkIns = day.Tickets.Where(t => t.Status == TicketStatus.Waiting && services.Contains(t.ServiceId)).Select(Ticket).ToList();
        return new DeskFacts(desk.Id, day.CloseUtc, appointments, walkIns, Serving(day, desk.Id));
    }

    /// <summary>The facts of every desk that serves <paramref name="serviceId"/>: the walk-in estimate plays them forward together.</summary>
    public static IReadOnlyList<DeskFacts> ForService(DayFacts day, int serviceId) =>
        day.Desks.Where(d => day.ServicesByDesk[d.Id].Contains(serviceId)).Select(d => ForDesk(day, d)).ToList();

    public static QueuedTicket Ticket(TicketEntity t) =>
        new(t.Id, t.Number, t.Priority != WalkInPriority.None, t.DurationMinutes, t.IssuedUtc, t.Interrupted);

    static NowServing? Serving(DayFacts day, int deskId)
    {
        if (day.Bookings.FirstOrDefault(b => b.Status == BookingStatus.Called && b.CalledDeskId == deskId) is { } b)
            return new NowServing(PersonKind.Appointment, b.Id, b.CalledUtc ?? b.StartUtc, b.DurationMinutes);
        if (day.Tickets.FirstOrDefault(t => t.Status == TicketStatus.Called && t.CalledDeskId == deskId) is { } t)
            return new NowServing(PersonKind.WalkIn, t.Id, t.CalledUtc ?? t.IssuedUtc, t.DurationMinutes);
        return null;
    }

    static AppointmentState? State(BookingEntity b) => b.Status switch
    {
        BookingStatus.Confirmed => AppointmentState.Expected,
        BookingStatus.CheckedIn => b.Late ? AppointmentState.Late : AppointmentState.CheckedIn,
        BookingStatus.Deferred => AppointmentState.Deferred,
        BookingStatus.Called => AppointmentState.Serving,
        BookingStatus.Served => AppointmentState.Served,
        BookingStatus.NoShow => AppointmentState.NoShow,
        BookingStatus.Expired => AppointmentState.Expired,
        _ => null,
    };
}
