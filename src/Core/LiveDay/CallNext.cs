using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Core.Queue;

namespace Rantevou.Core.LiveDay;

public sealed partial class DeskActions
{
    /// <summary>
    /// R3–R6: calls whom the policy picks. The pick is claimed with a conditional update, so two clerks calling at the
    /// same instant never get the same person: the loser of the race picks again. <paramref name="clerkId"/> (the staff
    /// account calling) is stored on the person's row for the office's per-clerk statistics. <paramref name="gapJudged"/>: the
    /// clerk judged a gap that nobody fits by the service times long enough (R6). <paramref name="code"/>: an appointment
    /// waiting at a desk nobody works (<see cref="WaitingElsewhere"/>), called here instead; 409 when it no longer is.
    /// </summary>
    public async Task<Outcome<Contracts.Queue.CalledPerson?>> CallNextAsync(int deskId, string? clerkId, CancellationToken ct, bool gapJudged = false,
        string? code = null)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            // Asked again after a lost claim: the desk may have been switched off meanwhile (R11).
            if (await DeskAsync(deskId, ct) is not (var desk, var office, var day))
                return Problem.NotFound(MessageKeys.DeskUnknown);
            var now = Now;
            var facts = await DayFacts.LoadAsync(db, office, now, ct);
            var mine = QueueFactsMapper.ForDesk(facts, desk);
            if (mine.Serving is not null)
                return Problem.Conflict(MessageKeys.DeskBusy);
            var next = QueuePolicy.Next(mine, now, gapJudged);
            if (code is not null)
            {
                var wanted = BookingCode.Normalize(code);
                if (WaitingElsewhere.For(facts, desk.Id, now).FirstOrDefault(w => w.Code == wanted) is not { } other)
                    return Problem.Conflict(MessageKeys.NotWaitingElsewhere);
                next = next with { Person = new PersonToCall(PersonKind.Appointment, other.Id, other.DurationMinutes) };
            }
            if (next.Person is not { } pick)
                return (Contracts.Queue.CalledPerson?)null;
            var label = pick.Kind == PersonKind.Appointment
                ? BookingCode.Display(facts.Bookings.First(b => b.Id == pick.Id).Code)
                : facts.Tickets.First(t => t.Id == pick.Id).Label;
            if (!await changes.RunAsync(office, day, change => ClaimAsync(change, pick, desk, clerkId, day, now, label, ct), ct))
                continue;
            var booking = pick.Kind == PersonKind.Appointment ? await db.Bookings.AsNoTracking().FirstAsync(b => b.Id == pick.Id, ct) : null;
            var ticket = booking is null ? await db.WalkInTickets.AsNoTracking().FirstAsync(t => t.Id == pick.Id, ct) : null;
            if (booking is not null)
                metrics?.Called(booking.OfficeId, booking.ServiceId, now - (booking.CheckedInUtc ?? now));
            else
                metrics?.Called(ticket!.OfficeId, ticket.ServiceId, now - ticket.IssuedUtc);
            return await PersonAsync(booking, ticket, office, ct) is { Ok: true } p ? p.Value : null;
        }
        return Problem.Conflict(MessageKeys.ChangedMeanwhile);
    }

    /// <summary>
    /// The pick is claimed with a conditional update, and the desk itself must still be free: a double click or a second
    /// screen at the same desk loses here (false: the transaction rolls back and the caller picks again). The desk's row is
    /// written first, only while it is active: an admin switching it off at the same moment (R11) either waits for this
    /// call, and then sees the person called there and refuses, or has switched it off, and this claim finds no row.
    /// </summary>
    async Task<bool> ClaimAsync(DayChange change, Queue.PersonToCall pick, Offices.Desk desk, string? clerkId, DateOnly day,
        DateTime now, string code, CancellationToken ct)
    {
        if (await db.Desks.Where(d => d.Id == desk.Id && d.Active).ExecuteUpdateAsync(u => u.SetProperty(d => d.Active, true), ct) == 0)
            return false;
        var (waiting, called, _) = BookingStates.Of(BookingStep.Call);
        var changed = pick.Kind == PersonKind.Appointment
            ? await db.Bookings
                .Where(b => b.Id == pick.Id && waiting.Contains(b.Status))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(b => b.Status, called)
                    .SetProperty(b => b.CalledDeskId, desk.Id)
                    .SetProperty(b => b.CalledUtc, now)
                    .SetProperty(b => b.CalledByUserId, clerkId)
                    .SetProperty(b => b.Version, b => b.Version + 1), ct)
            : await db.WalkInTickets.Where(t => t.Id == pick.Id && t.Status == TicketStatus.Waiting)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(t => t.Status, TicketStatus.Called)
                    .SetProperty(t => t.CalledDeskId, desk.Id)
                    .SetProperty(t => t.CalledUtc, now)
                    .SetProperty(t => t.CalledByUserId, clerkId)
                    .SetProperty(t => t.Version, t => t.Version + 1), ct);
        var (from, to) = OfficeCalendar.DayUtc(day, change.Office.TimeZone);
        var atDesk = await db.Bookings.CountAsync(b => b.CalledDeskId == desk.Id && b.Status == BookingStatus.Called
                && b.StartUtc >= from && b.StartUtc < to, ct)
            + await db.WalkInTickets.CountAsync(t => t.CalledDeskId == desk.Id && t.Status == TicketStatus.Called && t.Day == day, ct);
        if (changed == 0 || atDesk > 1)
            return false;
        change.Tell(QueueEventKind.Called, code, desk.Number);
        return true;
    }
}
