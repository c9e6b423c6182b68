using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Core.LiveDay;

/// <summary>The whole state a display shows (principle 3: screens resync from it). Codes, desks and times only.</summary>
public sealed class SnapshotService(RantevouDbContext db, TimeProvider clock)
{
    public const int NextShown = 12;

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
            .Select(b => new ServingNow(Number(b.CalledDeskId), BookingCode.Display(b.Code), false, OfficeCalendar.ToLocal(b.CalledUtc!.Value, zone)))
            .Concat(facts.Tickets.Where(t => t.Status == TicketStatus.Called)
                .Select(t => new ServingNow(Number(t.CalledDeskId), t.Label, true, OfficeCalendar.ToLocal(t.CalledUtc!.Value, zone))))
            .OrderBy(s => s.DeskNumber).ToList();
        var next = facts.Bookings
            .Where(b => b.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn && b.EndUtc > now)
            .OrderBy(b => b.StartUtc).Take(NextShown)
            .Select(b => new NextAppointment(OfficeCalendar.ToLocal(b.StartUtc, zone), BookingCode.Display(b.Code), Number(b.DeskId), b.Status == BookingStatus.CheckedIn))
            .ToList();
        var walkins = WalkInQueue.Waiting(facts).Select((t, i) => new WaitingWalkIn(
            t.Label, i + 1, t.Priority != WalkInPriority.None, WalkInQueue.EstimatedWaitMinutes(facts, t, now))).ToList();
        return new QueueSnapshot(version, office.Slug, facts.Day, OfficeCalendar.ToLocal(now, zone), day?.ClosedUtc is not null,
            serving, next, walkins);
    }
}
