using Rantevou.Core.Booking;

namespace Rantevou.Core.LiveDay;

/// <summary>
/// R3 at a desk nobody works: an appointment is booked at one desk, and its person may check in while no clerk sits
/// there (the clerk is off today, late, or away). Such a person would wait unseen, so every other desk that serves the
/// service lists them, and its clerk may call them there. An appointment counts once its person is here and it has
/// been due for <see cref="QuietMinutes"/> minutes in which its desk called nobody, and nobody is at that desk now: its
/// own clerk, if there, has had the time to call it (R4), and a few minutes' wait is not mistaken for an empty desk.
/// </summary>
public static class WaitingElsewhere
{
    public const int QuietMinutes = 5;

    public static IReadOnlyList<WaitingAppointment> For(DayFacts day, int deskId, DateTime nowUtc)
    {
        var serves = day.ServicesByDesk[deskId].ToHashSet();
        var atDesk = day.Bookings.Where(b => b.Status == BookingStatus.Called).Select(b => b.CalledDeskId)
            .Concat(day.Tickets.Where(t => t.Status == TicketStatus.Called).Select(t => t.CalledDeskId)).OfType<int>().ToHashSet();
        return day.Bookings
            .Where(b => b.DeskId != deskId && b.Status == BookingStatus.CheckedIn && serves.Contains(b.ServiceId)
                && !atDesk.Contains(b.DeskId) && nowUtc - b.StartUtc >= TimeSpan.FromMinutes(QuietMinutes) && !CalledSince(day, b.DeskId, b.StartUtc))
            .OrderBy(b => b.StartUtc)
            .Select(b => new WaitingAppointment(b.Id, b.Code, b.StartUtc, b.DeskId, b.ServiceId, b.DurationMinutes))
            .ToList();
    }

    static bool CalledSince(DayFacts day, int deskId, DateTime sinceUtc) =>
        day.Bookings.Any(b => b.CalledDeskId == deskId && b.CalledUtc >= sinceUtc)
        || day.Tickets.Any(t => t.CalledDeskId == deskId && t.CalledUtc >= sinceUtc);
}

/// <summary>An appointment waiting at another desk: what the clerk screen lists and "call" claims.</summary>
public sealed record WaitingAppointment(Guid Id, string Code, DateTime StartUtc, int DeskId, int ServiceId, int DurationMinutes);
