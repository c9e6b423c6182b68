using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Core.LiveDay;

/// <summary>The whole state a display shows (principle 3: screens resync from it). Codes, desks and times only.</summary>
public sealed class SnapshotService(RantevouDbContext db, TimeProvider clock)
{
    /// <summary>How many appointments of people not here yet are listed; everyone already here is always listed.</summary>
    public const int NextShown = 12;

    /// <summary>
    /// A desk still "serving" someone this long after the call most likely served them without pressing complete: twice
    /// the service time, and at least 15 minutes over it. The display stops announcing the code; the clerk is told.
    /// </summary>
    public static bool IsOverdue(DateTime calledUtc, int serviceMinutes, DateTime nowUtc) =>
        nowUtc - calledUtc > TimeSpan.FromMinutes(serviceMinutes + Math.Max(serviceMinutes, 15));

    public async Task<QueueSnapshot> ForOfficeAsync(Office office, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var facts = await DayFacts.LoadAsync(db, office, now, ct);
        var day = await db.OfficeDays.AsNoTracking().FirstOrDefaultAsync(d => d.OfficeId == office.Id && d.Day == facts.Day, ct);
        var version = day?.Version ?? await db.OfficeDays.Where(d => d.OfficeId == office.Id).MaxAsync(d => (long?)d.Version, ct) ?? 0;
        var zone = office.TimeZone;
        var deskNumber = facts.Desks.ToDictionary(d => d.Id, d => d.Number);
        int Number(int? deskId) => deskId is { } id && deskNumber.TryGetValue(id, out var n) ? n : 0;

        var serving = facts.Bookings.Where(b => b.Status == BookingStatus.Called)
            .Select(b => new ServingNow(Number(b.CalledDeskId), BookingCode.Display(b.Code), false, OfficeCalendar.ToLocal(b.CalledUtc!.Value, zone),
                IsOverdue(b.CalledUtc.Value, b.DurationMinutes, now)))
            .Concat(facts.Tickets.Where(t => t.Status == TicketStatus.Called)
                .Select(t => new ServingNow(Number(t.CalledDeskId), t.Label, true, OfficeCalendar.ToLocal(t.CalledUtc!.Value, zone),
                    IsOverdue(t.CalledUtc.Value, t.DurationMinutes, now))))
            .OrderBy(s => s.DeskNumber).ToList();
        var next = Waiting(facts.Bookings, now)
            .Select(w => new NextAppointment(OfficeCalendar.ToLocal(w.Booking.StartUtc, zone), BookingCode.Display(w.Booking.Code),
                Number(w.Booking.DeskId), w.Booking.Status is BookingStatus.CheckedIn or BookingStatus.Deferred, w.Due,
                w.Booking.Status == BookingStatus.Deferred))
            .ToList();
        var walkins = WalkInQueue.Waiting(facts).Select((t, i) => new WaitingWalkIn(
            t.Label, i + 1, t.Priority != WalkInPriority.None, WalkInQueue.EstimatedWaitMinutes(facts, t, now))).ToList();
        return new QueueSnapshot(version, office.Slug, facts.Day, OfficeCalendar.ToLocal(now, zone), day?.ClosedUtc is not null,
            serving, next, walkins);
    }

    /// <summary>
    /// Everyone waiting for an appointment, in the order the desks will call them (QueuePolicy.Next): people here whose
    /// time has come, in the order they became ready (QueueOrder.Due: a late person from their check-in, R5); then the
    /// appointments to come by time — those already here all, the others up to <see cref="NextShown"/>; then the deferred
    /// (R5 end of day, R13 interrupted) in their original order. A booking whose time passed without a check-in is left
    /// out: the person is not in the room, and appears once they check in late.
    /// </summary>
    static IEnumerable<(BookingEntity Booking, bool Due)> Waiting(IReadOnlyList<BookingEntity> bookings, DateTime now)
    {
        var due = bookings.Where(b => b.Status == BookingStatus.CheckedIn && b.StartUtc <= now)
            .OrderBy(b => b.Late && b.CheckedInUtc > b.StartUtc ? b.CheckedInUtc!.Value : b.StartUtc).ThenBy(b => b.StartUtc).ThenBy(b => b.Id);
        var later = bookings.Where(b => b.StartUtc > now && b.Status is BookingStatus.CheckedIn or BookingStatus.Confirmed)
            .OrderBy(b => b.StartUtc).ThenBy(b => b.Id).ToList();
        var notHereShown = later.Where(b => b.Status == BookingStatus.Confirmed).Take(NextShown).ToHashSet();
        var coming = later.Where(b => b.Status == BookingStatus.CheckedIn || notHereShown.Contains(b));
        var deferred = bookings.Where(b => b.Status == BookingStatus.Deferred).OrderBy(b => b.StartUtc).ThenBy(b => b.Id);
        return due.Select(b => (b, true)).Concat(coming.Select(b => (b, false))).Concat(deferred.Select(b => (b, false)));
    }
}
