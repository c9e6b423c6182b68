using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Booking;

/// <summary>
/// R2 when the mail is lost (deleted, in spam, never opened): the booking's own mail once more, to its own address — the
/// confirmation link while it waits for confirmation, the QR code and the manage link once confirmed. Asked with the
/// code and the email together (a code alone is on the display and in other hands), answered alike whether or not they
/// match, and not again within <see cref="Quiet"/> of the booking's last such mail, so it neither tells who booked nor
/// fills anyone's inbox.
/// </summary>
public sealed class LinkResend(RantevouDbContext db, TimeProvider clock, DayChanges changes, IBookingMail mail)
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMinutes(5);

    /// <summary>Whether a mail was sent; the caller answers the person the same either way.</summary>
    public async Task<bool> ByCodeAndEmailAsync(string? code, string? email, CancellationToken ct)
    {
        var normalized = BookingCode.Normalize(code);
        var key = ContactRules.NormalizeEmail(email) is { } e ? ContactRules.PersonKey(e) : null;
        if (normalized is null || key is null)
            return false;
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Code == normalized && b.EmailKey == key, ct);
        return booking is not null && await ResendAsync(booking, ct);
    }

    /// <summary>The mail the booking's state calls for, if it still calls for one and none went out just now.</summary>
    public async Task<bool> ResendAsync(Booking booking, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        MailKind? kind = booking.Status switch
        {
            BookingStatus.Pending when booking.HoldUntilUtc > now => MailKind.Created,
            BookingStatus.Confirmed when booking.EndUtc > now => MailKind.Confirmed,
            _ => null,
        };
        if (kind is not { } k)
            return false;
        var (id, name, since) = (booking.Id, k.ToString(), now - Quiet);
        if (await db.Outbox.AnyAsync(m => m.BookingId == id && m.Kind == name && m.CreatedUtc > since, ct))
            return false;
        var office = await OfficeLoader.LoadAsync(db, booking.OfficeId, ct);
        return await changes.RunAsync(office, OfficeCalendar.LocalDate(booking.StartUtc, office.TimeZone), async change =>
        {
            await change.MailAsync(mail, k, booking, ct);
            return true;
        }, ct);
    }
}
