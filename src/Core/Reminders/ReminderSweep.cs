using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Reminders;

/// <summary>
/// R2: the day before, at the office's reminder time, every confirmed booking of tomorrow gets one reminder email with
/// links to say "I will come" or to release the time, so a person who will not come frees it for someone else.
/// A booking confirmed after that moment gets none: the person has just been told everything. Each reminder is written
/// to the outbox in the transaction whose conditional update marks the booking as reminded, so however many nodes run
/// the sweep, and however often, the database lets exactly one of them send it.
/// </summary>
public sealed class ReminderSweep(RantevouDbContext db, TimeProvider clock, DayChanges changes, IBookingMail mail)
{
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sent = 0;
        foreach (var office in await db.Offices.AsNoTracking().Where(o => o.RemindersOn).ToListAsync(ct))
        {
            var zone = office.TimeZone;
            var today = OfficeCalendar.LocalDate(now, zone);
            var moment = OfficeCalendar.ToUtc(today, office.ReminderTime, zone);
            if (now < moment)
                continue;
            // Only tomorrow's: a sweep that missed the day before (every node down) does not send "tomorrow" on the day.
            var tomorrow = today.AddDays(1);
            var (from, to) = OfficeCalendar.DayUtc(tomorrow, zone);
            var officeId = office.Id;
            var due = await db.Bookings.AsNoTracking()
                .Where(b => b.OfficeId == officeId && b.Status == BookingStatus.Confirmed && b.ReminderSentUtc == null
                    && b.StartUtc >= from && b.StartUtc < to && b.ConfirmedUtc <= moment)
                .OrderBy(b => b.StartUtc).Take(1000).ToListAsync(ct);
            if (due.Count == 0)
                continue;
            var services = await db.Services.AsNoTracking().Include(s => s.Documents).Where(s => s.OfficeId == officeId).ToDictionaryAsync(s => s.Id, ct);
            var desks = await db.Desks.AsNoTracking().Where(d => d.OfficeId == officeId).ToDictionaryAsync(d => d.Id, ct);
            foreach (var b in due)
                if (await RemindAsync(b, office, mail.Compose(MailKind.Reminder, b, services[b.ServiceId], office, desks[b.DeskId]), now, tomorrow, ct))
                    sent++;
        }
        return sent;
    }

    /// <summary>Marks the booking reminded, if it still is confirmed, unreminded and at the time the mail tells, and writes the mail with it.</summary>
    async Task<bool> RemindAsync(Booking.Booking b, Office office, OutboxMessage message, DateTime now, DateOnly day, CancellationToken ct) =>
        await changes.RunAsync(office, day, async change =>
        {
            var (id, start) = (b.Id, b.StartUtc);
            var marked = await db.Bookings
                .Where(x => x.Id == id && x.Status == BookingStatus.Confirmed && x.ReminderSentUtc == null && x.StartUtc == start)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.ReminderSentUtc, now), ct);
            if (marked == 0)
                return false;
            change.Mail(message);
            return true;
        }, ct);
}
