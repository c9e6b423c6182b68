using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Core.LiveDay;

/// <summary>
/// The whole state a display shows (principle 3: screens resync from it). Codes, desks and times only, so one snapshot
/// serves every screen of the office: it is built once per version and minute (<see cref="SnapshotCache"/>).
/// </summary>
public sealed class SnapshotService(RantevouDbContext db, TimeProvider clock, SnapshotCache cache, IServiceScopeFactory scopes)
{
    /// <summary>How many appointments of people not here yet are listed; everyone already here is always listed.</summary>
    public const int NextShown = 12;

    /// <summary>
    /// A desk still "serving" someone this long after the call most likely served them without pressing complete: twice
    /// the service time, and at least 15 minutes over it. The display stops announcing the code; the clerk is told.
    /// </summary>
    public static bool IsOverdue(DateTime calledUtc, int serviceMinutes, DateTime nowUtc) =>
        nowUtc - calledUtc > TimeSpan.FromMinutes(serviceMinutes + Math.Max(serviceMinutes, 15));

    /// <summary>The office's snapshot now: one version read, then the shared build of that version and minute.</summary>
    public async Task<QueueSnapshot> ForOfficeAsync(Office office, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var version = await OfficeDays.VersionAsync(db, office.Id, ct);
        return await cache.GetAsync(office.Id, version, now, () => BuildInOwnScopeAsync(office, version, now), ct);
    }

    /// <summary>A snapshot of this minute at least as new as <paramref name="version"/>, if this node has one: no database.</summary>
    public QueueSnapshot? Cached(int officeId, long version) => cache.Latest(officeId, version, clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The shared build reads with its own context and without the asking screen's token: other screens wait for it too,
    /// and the first one may disconnect meanwhile.
    /// </summary>
    async Task<QueueSnapshot> BuildInOwnScopeAsync(Office office, long version, DateTime now)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await BuildAsync(scope.ServiceProvider.GetRequiredService<RantevouDbContext>(), office, version, now, CancellationToken.None);
    }

    /// <summary>
    /// Labelled with the version read before the facts: the facts are at least that new, so a screen never takes an older
    /// state for a newer version (a change committed in between arrives as the next event and is fetched then).
    /// </summary>
    static async Task<QueueSnapshot> BuildAsync(RantevouDbContext db, Office office, long version, DateTime now, CancellationToken ct)
    {
        var facts = await DayFacts.LoadAsync(db, office, now, ct);
        var closed = await db.OfficeDays.Where(d => d.OfficeId == office.Id && d.Day == facts.Day).AnyAsync(d => d.ClosedUtc != null, ct);
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
        // Each ticket's place as its kiosk answer and its own page give it: among the tickets waiting for its desks.
        var walkins = WalkInQueue.Waiting(facts).Select(t => (Ticket: t, Estimate: WalkInQueue.Estimate(facts, t, now)))
            .Select(w => new WaitingWalkIn(w.Ticket.Label, w.Estimate.Position, w.Ticket.Priority != WalkInPriority.None, w.Estimate.WaitMinutes ?? -1))
            .ToList();
        return new QueueSnapshot(version, office.Slug, facts.Day, OfficeCalendar.ToLocal(now, zone), closed,
            serving, next, walkins, [.. facts.Desks.Select(d => d.Number)]);
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
