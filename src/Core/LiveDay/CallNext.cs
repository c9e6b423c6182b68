using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Queue;

namespace Rantevou.Core.LiveDay;

public sealed partial class DeskActions
{
    /// <summary>
    /// R3–R6: calls whom the policy picks. The pick is claimed with a conditional update, so two clerks calling at the
    /// same instant never get the same person: the loser of the race picks again.
    /// </summary>
    public async Task<Outcome<Contracts.Queue.CalledPerson?>> CallNextAsync(int deskId, CancellationToken ct)
    {
        var (desk, office, day) = await DeskAsync(deskId, ct);
        if (desk is null)
            return Problem.NotFound(MessageKeys.DeskUnknown);
        await OfficeDays.EnsureAsync(db, office!.Id, day, ct);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var now = Now;
            var facts = await DayFacts.LoadAsync(db, office, now, ct);
            var mine = QueueFactsMapper.ForDesk(facts, desk);
            if (mine.Serving is not null)
                return Problem.Conflict(MessageKeys.DeskBusy);
            var next = QueuePolicy.Next(mine, now);
            if (next.Person is not { } pick)
                return (Contracts.Queue.CalledPerson?)null;

            long version;
            string code;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                int changed;
                if (pick.Kind == PersonKind.Appointment)
                {
                    changed = await db.Bookings
                        .Where(b => b.Id == pick.Id && (b.Status == BookingStatus.CheckedIn || b.Status == BookingStatus.Deferred))
                        .ExecuteUpdateAsync(u => u
                            .SetProperty(b => b.Status, BookingStatus.Called)
                            .SetProperty(b => b.CalledDeskId, desk.Id)
                            .SetProperty(b => b.CalledUtc, now)
                            .SetProperty(b => b.Version, b => b.Version + 1), ct);
                    code = BookingCode.Display(facts.Bookings.First(b => b.Id == pick.Id).Code);
                }
                else
                {
                    changed = await db.WalkInTickets.Where(t => t.Id == pick.Id && t.Status == TicketStatus.Waiting)
                        .ExecuteUpdateAsync(u => u
                            .SetProperty(t => t.Status, TicketStatus.Called)
                            .SetProperty(t => t.CalledDeskId, desk.Id)
                            .SetProperty(t => t.CalledUtc, now)
                            .SetProperty(t => t.Version, t => t.Version + 1), ct);
                    code = facts.Tickets.First(t => t.Id == pick.Id).Label;
                }
                // The desk itself must still be free: a double click or a second screen at the same desk loses here.
                var (from, to) = OfficeDays.UtcRange(office, day);
                var atDesk = await db.Bookings.CountAsync(b => b.CalledDeskId == desk.Id && b.Status == BookingStatus.Called
                        && b.StartUtc >= from && b.StartUtc < to, ct)
                    + await db.WalkInTickets.CountAsync(t => t.CalledDeskId == desk.Id && t.Status == TicketStatus.Called && t.Day == day, ct);
                if (changed == 0 || atDesk > 1)
                    continue;
                version = await OfficeDays.BumpAsync(db, office.Id, day, ct);
                await tx.CommitAsync(ct);
            }
            await events.PublishAsync(office.Id, new QueueEvent(version, QueueEventKind.Called, code, desk.Number, clock.GetUtcNow()));
            var booking = pick.Kind == PersonKind.Appointment ? await db.Bookings.AsNoTracking().FirstAsync(b => b.Id == pick.Id, ct) : null;
            var ticket = booking is null ? await db.WalkInTickets.AsNoTracking().FirstAsync(t => t.Id == pick.Id, ct) : null;
            return await PersonAsync(booking, ticket, office, ct) is { Ok: true } p ? p.Value : null;
        }
        return Problem.Conflict(MessageKeys.ChangedMeanwhile);
    }
}
