using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Notifications;

public static class OutboxWriter
{
    /// <summary>
    /// R2: writes the email for a booking change inside the caller's open transaction, so the mail commits (or
    /// rolls back) with the change it tells of.
    /// </summary>
    public static async Task WriteAsync(this IBookingMail mail, RantevouDbContext db, MailKind kind, Booking.Booking b, Office office, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Documents).FirstAsync(s => s.Id == b.ServiceId, ct);
        var desk = await db.Desks.AsNoTracking().FirstAsync(d => d.Id == b.DeskId, ct);
        db.Outbox.Add(mail.Compose(kind, b, service, office, desk));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
