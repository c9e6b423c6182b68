using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Core.Queue;

namespace Rantevou.Core.LiveDay;

/// <summary>The clerk screen's view of a desk: the day's appointments, the walk-ins it may take, the current person and the policy's advice.</summary>
public sealed class DeskDayService(RantevouDbContext db, TimeProvider clock, DeskActions actions)
{
    public async Task<Outcome<DeskDayView>> ForDeskAsync(int deskId, CancellationToken ct)
    {
        var desk = await db.Desks.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deskId && d.Active, ct);
        if (desk is null)
            return Problem.NotFound(MessageKeys.DeskUnknown);
        var office = await OfficeLoader.LoadAsync(db, desk.OfficeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var facts = await DayFacts.LoadAsync(db, office, now, ct);
        var mine = QueueFactsMapper.ForDesk(facts, desk);
        var culture = Language.Current;
        var services = await db.Services.AsNoTracking().Where(s => s.OfficeId == office.Id).ToDictionaryAsync(s => s.Id, s => s.Name(culture), ct);
        var (booking, ticket) = await actions.CurrentAsync(desk, office, facts.Day, ct);
        var current = booking is null && ticket is null ? null : (await actions.PersonAsync(booking, ticket, office, ct)).Value;
        var version = await db.OfficeDays.Where(d => d.OfficeId == office.Id && d.Day == facts.Day).Select(d => d.Version).FirstOrDefaultAsync(ct);
        // "Call next" can only follow the person at the desk: with someone there, the advice is judged for when their
        // service should end, so a walk-in is never said to fit a gap the current service already takes (R6, R13).
        var after = mine.Serving is { } serving && serving.StartedUtc.AddMinutes(serving.ExpectedMinutes) > now
            ? serving.StartedUtc.AddMinutes(serving.ExpectedMinutes) : now;
        var next = QueuePolicy.Next(mine with { Serving = null }, after);
        // R6: nobody fits the gap by the service times; whom the clerk may still call, judging the gap long enough.
        var judged = next.Reason == NextReason.NothingFitsGap ? QueuePolicy.Next(mine with { Serving = null }, after, clerkJudgesGap: true).Person : null;
        return new DeskDayView(desk, office, facts, mine, next, QueuePolicy.Interruption(mine, now), current, services, version, now, judged,
            WaitingElsewhere.For(facts, desk.Id, now));
    }

    /// <summary>Who is at the desk now, with its office and the clock's instant: what the API checks before an action that needs a second look.</summary>
    public async Task<Outcome<DeskNow>> NowAsync(int deskId, CancellationToken ct)
    {
        var desk = await db.Desks.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deskId && d.Active, ct);
        if (desk is null)
            return Problem.NotFound(MessageKeys.DeskUnknown);
        var office = await OfficeLoader.LoadAsync(db, desk.OfficeId, ct);
        var (booking, ticket) = await actions.CurrentAsync(desk, office, LiveDay.OfficeDays.Today(office, clock), ct);
        return new DeskNow(desk, office, booking, ticket, clock.GetUtcNow().UtcDateTime);
    }
}

/// <summary>The desk's current person (a booking or a walk-in ticket, or neither) at <see cref="NowUtc"/>.</summary>
public sealed record DeskNow(Offices.Desk Desk, Office Office, Booking.Booking? Booking, WalkInTicket? Ticket, DateTime NowUtc);

/// <summary>Everything the clerk screen needs, before localization at the edge.</summary>
public sealed record DeskDayView(
    Offices.Desk Desk, Office Office, DayFacts Day, DeskFacts Facts, NextCall Next, InterruptionAdvice? Interruption,
    Contracts.Queue.CalledPerson? Current, IReadOnlyDictionary<int, string> ServiceNames, long Version, DateTime NowUtc,
    PersonToCall? IfClerkJudgesGap = null, IReadOnlyList<WaitingAppointment>? Elsewhere = null);
