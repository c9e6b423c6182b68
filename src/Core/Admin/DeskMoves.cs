using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Core.Admin;

/// <summary>
/// R11: a booking whose desk was switched off, or no longer serves its service, keeps its time at another desk that
/// serves the service and is free for the whole of it. Only what finds no such desk is cancelled. The person is told
/// (R2: the desk is part of the appointment, in its mail and calendar entry).
/// </summary>
public sealed class DeskMoves(RantevouDbContext db, IBookingMail mail)
{
    /// <summary>Moves what it can, inside the admin change's transaction; returns the bookings moved.</summary>
    public async Task<List<BookingEntity>> MoveAsync(DayChange change, IReadOnlyList<BookingEntity> bookings, CancellationToken ct)
    {
        if (bookings.Count == 0)
            return [];
        var desks = await db.Desks.AsNoTracking().Where(d => d.OfficeId == change.Office.Id && d.Active)
            .Include(d => d.Services).OrderBy(d => d.Number).ToListAsync(ct);
        var moved = new List<BookingEntity>();
        foreach (var b in bookings)
        {
            foreach (var desk in desks.Where(d => d.Id != b.DeskId && d.Services.Any(s => s.ServiceId == b.ServiceId)))
            {
                if (await db.SlotClaims.AnyAsync(c => c.DeskId == desk.Id && c.UnitStartUtc >= b.StartUtc && c.UnitStartUtc < b.EndUtc, ct))
                    continue;
                if (await MoveAsync(change, b, desk.Id, ct))
                    moved.Add(b);
                break;
            }
        }
        return moved;
    }

    async Task<bool> MoveAsync(DayChange change, BookingEntity b, int deskId, CancellationToken ct)
    {
        // Conditional on the version read: a booking changed meanwhile is left to the list of the broken ones.
        var changed = await db.Bookings.Where(x => x.Id == b.Id && x.Version == b.Version)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.DeskId, deskId).SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (changed == 0)
            return false;
        await db.SlotClaims.Where(c => c.BookingId == b.Id).ExecuteDeleteAsync(ct);
        var deskBefore = b.DeskId;
        (b.DeskId, b.Version) = (deskId, b.Version + 1);
        // Written at once, so the next booking moved in this change sees the time as taken.
        await change.InsertAsync([.. SlotClaim.For(b)], ct);
        await change.MailAsync(mail, MailKind.DeskChanged, b, ct, deskBefore);
        if (OfficeCalendar.LocalDate(b.StartUtc, change.Office.TimeZone) == change.Today)
            change.Tell(QueueEventKind.BookingChanged, BookingCode.Display(b.Code));
        return true;
    }
}
