using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Core.Queue;

namespace Rantevou.Core.LiveDay;

public sealed record IssuedTicket(WalkInTicket Ticket, int Position, int EstimatedWaitMinutes);

/// <summary>Whether the kiosk takes walk-ins now (R6: during working hours); when not, why and when the office opens (office time).</summary>
public sealed record WalkInHours(bool Open, DateTimeOffset? Opens, Problem? Closed);

/// <summary>R6: walk-in tickets at the kiosk, numbered per office and day, with an honest place and wait.</summary>
public sealed class WalkInService(RantevouDbContext db, TimeProvider clock, DayChanges changes)
{
    public async Task<Outcome<IssuedTicket>> IssueAsync(int officeId, int? serviceId, string? priority, CancellationToken ct)
    {
        if (serviceId is null)
            return Problem.Invalid(new Dictionary<string, string[]> { ["serviceId"] = [MessageKeys.Required] });
        var parsedPriority = WalkInPriority.None;
        if (!string.IsNullOrEmpty(priority) && (!Enum.TryParse(priority, ignoreCase: true, out parsedPriority) || !Enum.IsDefined(parsedPriority)))
            return Problem.Invalid(new Dictionary<string, string[]> { ["priority"] = [MessageKeys.PriorityInvalid] });
        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId && s.OfficeId == officeId, ct);
        if (service is null)
            return Problem.NotFound(MessageKeys.ServiceUnknown);
        if (!service.Active)
            return Problem.Unprocessable(MessageKeys.ServiceInactive);
        var office = await OfficeLoader.LoadAsync(db, officeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (Hours(office, now).Closed is { } closed)
            return closed;
        var facts = await DayFacts.LoadAsync(db, office, now, ct);
        var desks = QueueFactsMapper.ForService(facts, service.Id);
        if (desks.Count == 0)
            return Problem.Unprocessable(MessageKeys.ServiceNotServedHere);
        // Honest before printing: a ticket nobody could serve today is not issued (R6 "before the end of working hours").
        var probe = new Queue.QueuedWalkIn(Guid.NewGuid(), int.MaxValue, parsedPriority != WalkInPriority.None, service.DurationMinutes, now);
        if (WalkInEstimator.Estimate(desks, probe, now).Outlook == WalkInOutlook.NotToday)
            return Problem.Unprocessable(MessageKeys.NoTimeLeftToday);

        var ticket = new WalkInTicket
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Code = NewCode(),
            OfficeId = office.Id,
            Day = facts.Day,
            ServiceId = service.Id,
            DurationMinutes = service.DurationMinutes,
            Priority = parsedPriority,
            Status = TicketStatus.Waiting,
            IssuedUtc = now,
        };
        await changes.RunAsync(office, facts.Day, async change =>
        {
            ticket.Number = await change.NextTicketAsync(ct);
            db.WalkInTickets.Add(ticket);
            change.Tell(QueueEventKind.WalkInIssued, ticket.Label);
            return true;
        }, ct);
        var estimate = WalkInQueue.Estimate(await DayFacts.LoadAsync(db, office, now, ct), ticket, now);
        return new IssuedTicket(ticket, estimate.Position, estimate.WaitMinutes ?? -1);
    }

    /// <summary>Asked when a visitor starts a walk-in, before choosing a service: a closed office says so, and when it opens.</summary>
    public async Task<WalkInHours> HoursAsync(int officeId, CancellationToken ct) =>
        Hours(await OfficeLoader.LoadAsync(db, officeId, ct), clock.GetUtcNow().UtcDateTime);

    static WalkInHours Hours(Office office, DateTime now)
    {
        var next = OfficeCalendar.OpenNowOrNext(now, office);
        if (next is not null && now >= next.OpenUtc)
            return new WalkInHours(true, null, null);
        if (next is null)
            return new WalkInHours(false, null, Problem.Unprocessable(MessageKeys.OfficeClosedNow));
        // Told in the office's time, as the visitor reads it on the wall clock.
        var opens = OfficeCalendar.ToLocal(next.OpenUtc, office.TimeZone);
        var days = OfficeCalendar.LocalDate(next.OpenUtc, office.TimeZone).DayNumber - OfficeCalendar.LocalDate(now, office.TimeZone).DayNumber;
        var key = days switch { 0 => MessageKeys.OfficeClosedOpensToday, 1 => MessageKeys.OfficeClosedOpensTomorrow, _ => MessageKeys.OfficeClosedOpensOn };
        return new WalkInHours(false, opens, Problem.Unprocessable(key, opens));
    }

    /// <summary>12 random characters: the ticket's live page is reachable only by who holds the printed QR.</summary>
    static string NewCode() => BookingCode.New() + BookingCode.New()[..4];
}

/// <summary>The walk-in order (R13 interrupted first, then R6 priority, then number) and each ticket's estimate.</summary>
public static class WalkInQueue
{
    public static IEnumerable<WalkInTicket> Waiting(DayFacts day)
    {
        var waiting = day.Tickets.Where(t => t.Status == TicketStatus.Waiting).ToDictionary(t => t.Id);
        return QueueOrder.WalkIns(waiting.Values.Select(QueueFactsMapper.Ticket)).Select(t => waiting[t.Id]);
    }

    /// <summary>
    /// The ticket's place among everyone waiting for its service's desks, and its wait at the desks that are calling
    /// today (<see cref="DayFacts.CallingDesks"/>; every desk before the first call): with none of those serving it, no
    /// wait is promised (-1: "later" on the screens) rather than "soon" from a desk nobody sits at.
    /// </summary>
    public static WalkInEstimate Estimate(DayFacts day, WalkInTicket ticket, DateTime nowUtc)
    {
        var desks = QueueFactsMapper.ForService(day, ticket.ServiceId);
        var queued = QueueFactsMapper.Ticket(ticket);
        if (day.CallingDesks is not { } calling || desks.All(d => calling.Contains(d.DeskId)))
            return WalkInEstimator.Estimate(desks, queued, nowUtc);
        var wait = WalkInEstimator.Estimate(desks.Where(d => calling.Contains(d.DeskId)).ToList(), queued, nowUtc);
        return wait with { Position = WalkInEstimator.Position(desks, queued) };
    }

    /// <summary>Minutes until the ticket is expected to be called, or -1 when it is not expected today.</summary>
    public static int EstimatedWaitMinutes(DayFacts day, WalkInTicket ticket, DateTime nowUtc) =>
        Estimate(day, ticket, nowUtc).WaitMinutes ?? -1;
}
