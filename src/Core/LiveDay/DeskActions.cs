using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Core.LiveDay;

/// <summary>
/// What a clerk does at a desk (R4, R5, R13): call next, recall, complete, no-show, interrupt, defer.
/// Each is one transaction with the day's version; the screens hear of it after the commit.
/// </summary>
public sealed partial class DeskActions(RantevouDbContext db, TimeProvider clock, DayChanges changes, IBookingMail mail,
    Telemetry.RantevouMetrics? metrics = null)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The person the desk has now: a booking or a walk-in ticket called there today. Only today's: someone left
    /// called when the office closed must not hold the desk the next morning.
    /// </summary>
    public async Task<(BookingEntity? Booking, WalkInTicket? Ticket)> CurrentAsync(Offices.Desk desk, Office office, DateOnly day, CancellationToken ct)
    {
        var (from, to) = OfficeCalendar.DayUtc(day, office.TimeZone);
        var booking = await db.Bookings.AsNoTracking()
            .FirstOrDefaultAsync(b => b.CalledDeskId == desk.Id && b.Status == BookingStatus.Called && b.StartUtc >= from && b.StartUtc < to, ct);
        var ticket = booking is not null ? null : await db.WalkInTickets.AsNoTracking()
            .FirstOrDefaultAsync(t => t.CalledDeskId == desk.Id && t.Status == TicketStatus.Called && t.Day == day, ct);
        return (booking, ticket);
    }

    public Task<Outcome<CalledPerson>> CompleteAsync(int deskId, CancellationToken ct) =>
        FinishAsync(deskId, BookingStep.Complete, TicketStatus.Served, QueueEventKind.Completed, ct);

    /// <summary>R12: called and did not come; recorded, and a booking's holder is told.</summary>
    public Task<Outcome<CalledPerson>> NoShowAsync(int deskId, CancellationToken ct) =>
        FinishAsync(deskId, BookingStep.NoShow, TicketStatus.NoShow, QueueEventKind.NoShow, ct);

    /// <summary>R5: the clerk judges the person cannot be served now; they are served after the scheduled appointments.</summary>
    public async Task<Outcome<CalledPerson>> DeferAsync(int deskId, CancellationToken ct)
    {
        if (await DeskAsync(deskId, ct) is not (var desk, var office, var day))
            return Problem.NotFound(MessageKeys.DeskUnknown);
        var (booking, _) = await CurrentAsync(desk, office, day, ct);
        if (booking is null)
            return Problem.Conflict(MessageKeys.DeskHasNobody);
        return await ChangeBookingAsync(booking, office, day, desk, BookingStep.Defer, QueueEventKind.Interrupted, ct);
    }

    /// <summary>
    /// R13: the next scheduled appointment is due, so the current person steps back: a walk-in returns to the front of
    /// the walk-in queue, an appointment holder waits for the next gap or the end of the day.
    /// </summary>
    public async Task<Outcome<CalledPerson>> InterruptAsync(int deskId, CancellationToken ct)
    {
        if (await DeskAsync(deskId, ct) is not (var desk, var office, var day))
            return Problem.NotFound(MessageKeys.DeskUnknown);
        var (booking, ticket) = await CurrentAsync(desk, office, day, ct);
        if (booking is not null)
            return await ChangeBookingAsync(booking, office, day, desk, BookingStep.Interrupt, QueueEventKind.Interrupted, ct);
        if (ticket is null)
            return Problem.Conflict(MessageKeys.DeskHasNobody);
        return await ChangeTicketAsync(ticket, office, day, desk, TicketStatus.Waiting, QueueEventKind.Interrupted, interrupted: true, ct);
    }

    /// <summary>R13: the interruption is kept for the statistics in the same transaction as the change itself.</summary>
    void RecordInterruption(Office office, DateOnly day, Offices.Desk desk, int serviceId, Guid? bookingId, Guid? ticketId, string? calledBy,
        DateTime? calledUtc, DateTime now) =>
        db.Interruptions.Add(new Interruption
        {
            OfficeId = office.Id,
            Day = day,
            DeskId = desk.Id,
            ServiceId = serviceId,
            WalkIn = ticketId is not null,
            CalledUtc = calledUtc ?? now,
            AtUtc = now,
            BookingId = bookingId,
            TicketId = ticketId,
            CalledByUserId = calledBy,
        });

    /// <summary>Calls the current person again (the display repeats the call).</summary>
    public async Task<Outcome<CalledPerson>> RecallAsync(int deskId, CancellationToken ct)
    {
        if (await DeskAsync(deskId, ct) is not (var desk, var office, var day))
            return Problem.NotFound(MessageKeys.DeskUnknown);
        var (booking, ticket) = await CurrentAsync(desk, office, day, ct);
        if (booking is null && ticket is null)
            return Problem.Conflict(MessageKeys.DeskHasNobody);
        var code = booking is not null ? BookingCode.Display(booking.Code) : ticket!.Label;
        await changes.RunAsync(office, day, change =>
        {
            change.Tell(QueueEventKind.Recalled, code, desk.Number);
            return Task.FromResult(true);
        }, ct);
        return await PersonAsync(booking, ticket, office, ct);
    }

    async Task<Outcome<CalledPerson>> FinishAsync(int deskId, BookingStep bookingStep, TicketStatus ticketTo, QueueEventKind kind, CancellationToken ct)
    {
        if (await DeskAsync(deskId, ct) is not (var desk, var office, var day))
            return Problem.NotFound(MessageKeys.DeskUnknown);
        var (booking, ticket) = await CurrentAsync(desk, office, day, ct);
        if (booking is not null)
            return await ChangeBookingAsync(booking, office, day, desk, bookingStep, kind, ct);
        if (ticket is null)
            return Problem.Conflict(MessageKeys.DeskHasNobody);
        return await ChangeTicketAsync(ticket, office, day, desk, ticketTo, kind, interrupted: false, ct);
    }

    /// <summary>The step's conditional update from its row's statuses (the person at the desk), with the row's mail.</summary>
    async Task<Outcome<CalledPerson>> ChangeBookingAsync(BookingEntity b, Office office, DateOnly day, Offices.Desk desk,
        BookingStep step, QueueEventKind kind, CancellationToken ct)
    {
        var now = Now;
        var (from, to, mailKind) = BookingStates.Of(step);
        var done = to is BookingStatus.Served or BookingStatus.NoShow;
        // R13: an interruption is recorded for the statistics; the clerk's own deferral (R5) is not one.
        var interrupted = step == BookingStep.Interrupt;
        var changed = await changes.RunAsync(office, day, async change =>
        {
            if (await db.Bookings.Where(x => x.Id == b.Id && from.Contains(x.Status)).ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.Status, to)
                    .SetProperty(x => x.DoneUtc, x => done ? now : x.DoneUtc)
                    .SetProperty(x => x.CalledDeskId, x => done ? x.CalledDeskId : null)
                    .SetProperty(x => x.Version, x => x.Version + 1), ct) == 0)
                return false;
            if (interrupted)
                RecordInterruption(office, day, desk, b.ServiceId, b.Id, null, b.CalledByUserId, b.CalledUtc, now);
            b.Status = to;
            if (mailKind is { } mk)
                await change.MailAsync(mail, mk, b, ct);
            change.Tell(kind, BookingCode.Display(b.Code), desk.Number);
            return true;
        }, ct);
        if (!changed)
            return Problem.Conflict(MessageKeys.ChangedMeanwhile);
        return await PersonAsync(b, null, office, ct);
    }

    async Task<Outcome<CalledPerson>> ChangeTicketAsync(WalkInTicket t, Office office, DateOnly day, Offices.Desk desk,
        TicketStatus to, QueueEventKind kind, bool interrupted, CancellationToken ct)
    {
        var now = Now;
        var done = to is TicketStatus.Served or TicketStatus.NoShow;
        var changed = await changes.RunAsync(office, day, async change =>
        {
            if (await db.WalkInTickets.Where(x => x.Id == t.Id && x.Status == TicketStatus.Called).ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.Status, to)
                    .SetProperty(x => x.Interrupted, x => interrupted || x.Interrupted)
                    .SetProperty(x => x.DoneUtc, x => done ? now : x.DoneUtc)
                    .SetProperty(x => x.CalledDeskId, x => done ? x.CalledDeskId : null)
                    .SetProperty(x => x.Version, x => x.Version + 1), ct) == 0)
                return false;
            if (interrupted)
                RecordInterruption(office, day, desk, t.ServiceId, null, t.Id, t.CalledByUserId, t.CalledUtc, now);
            change.Tell(kind, t.Label, desk.Number);
            return true;
        }, ct);
        if (!changed)
            return Problem.Conflict(MessageKeys.ChangedMeanwhile);
        return await PersonAsync(null, t, office, ct);
    }

    /// <summary>The active desk, its office and the office's today; null for a desk unknown or switched off (R11).</summary>
    async Task<(Offices.Desk Desk, Office Office, DateOnly Day)?> DeskAsync(int deskId, CancellationToken ct)
    {
        var desk = await db.Desks.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deskId && d.Active, ct);
        if (desk is null)
            return null;
        var office = await OfficeLoader.LoadAsync(db, desk.OfficeId, ct);
        return (desk, office, OfficeDays.Today(office, clock));
    }

    /// <summary>The clerk's view of a person (the clerk screen may show the name; public screens never do).</summary>
    internal async Task<Outcome<CalledPerson>> PersonAsync(BookingEntity? b, WalkInTicket? t, Office office, CancellationToken ct)
    {
        var culture = Language.Current;
        var serviceId = b?.ServiceId ?? t!.ServiceId;
        var service = await db.Services.AsNoTracking().Include(s => s.Documents).FirstAsync(s => s.Id == serviceId, ct);
        var zone = office.TimeZone;
        DateTimeOffset? Local(DateTime? utc) => utc is { } u ? OfficeCalendar.ToLocal(u, zone) : null;
        var docs = service.Documents.OrderBy(d => d.SortOrder).Select(d => d.Text(culture)).ToList();
        return b is not null
            ? new CalledPerson(b.Code, false, BookingCode.Display(b.Code), serviceId, service.Name(culture), b.DurationMinutes,
                Local(b.CalledUtc ?? Now)!.Value, Local(b.StartUtc), Local(b.CheckedInUtc), b.Late, b.FullName, docs, b.AgentNote)
            : new CalledPerson(t!.Code, true, t.Label, serviceId, service.Name(culture), t.DurationMinutes,
                Local(t.CalledUtc ?? Now)!.Value, null, Local(t.IssuedUtc), false, null, docs);
    }
}
