using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Hub.Infrastructure;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Hub.Booking;

/// <summary>Bookings as their holders see them: local office times, names in the request's language.</summary>
public static class BookingViews
{
    public static async Task<BookingDto> ToDtoAsync(RantevouDbContext db, BookingEntity b, CancellationToken ct)
    {
        var culture = Language.Current;
        var service = await db.Services.AsNoTracking().Where(s => s.Id == b.ServiceId).Select(s => new { s.NameEl, s.NameEn }).FirstAsync(ct);
        var desk = await db.Desks.AsNoTracking().Where(d => d.Id == b.DeskId).Select(d => new { d.NameEl, d.NameEn }).FirstAsync(ct);
        var zone = await ZoneAsync(db, b.OfficeId, ct);
        return new BookingDto(
            b.Code, b.Status.ToString(), b.ServiceId, culture == "en" ? service.NameEn : service.NameEl,
            OfficeCalendar.ToLocal(b.StartUtc, zone), OfficeCalendar.ToLocal(b.EndUtc, zone),
            b.DeskId, culture == "en" ? desk.NameEn : desk.NameEl,
            b.FullName, b.Email, b.Mobile,
            b.HoldUntilUtc is { } hold ? OfficeCalendar.ToLocal(hold, zone) : null);
    }

    /// <summary>The answer to a new booking; the office's time zone comes from the node's copy the booking was judged by.</summary>
    public static async Task<BookingCreatedDto> ToCreatedAsync(
        OfficeConfigCache configs, RantevouDbContext db, BookingEntity b, BookingTokens tokens, CancellationToken ct) =>
        new(b.Code, b.Status.ToString(), OfficeCalendar.ToLocal(b.StartUtc, (await configs.OfficeAsync(db, b.OfficeId, ct)).Office.TimeZone),
            b.DeskId, tokens.Manage(b.Id));

    static async Task<TimeZoneInfo> ZoneAsync(RantevouDbContext db, int officeId, CancellationToken ct) =>
        TimeZoneInfo.FindSystemTimeZoneById(await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).FirstAsync(ct));
}
