using Rantevou.Contracts.Booking;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Hub.Booking;

/// <summary>Bookings as their holders see them (<see cref="BookingView"/>), as the API answers them.</summary>
public static class BookingViews
{
    public static async Task<BookingDto> ToDtoAsync(RantevouDbContext db, BookingEntity b, CancellationToken ct)
    {
        var view = await BookingView.LoadAsync(db, b, Language.Current, ct);
        return new BookingDto(b.Code, b.Status.ToString(), b.ServiceId, view.Service, view.Start, view.End,
            b.DeskId, view.Desk, b.FullName, b.Email, b.Mobile, view.HoldUntil);
    }

    /// <summary>The answer to a new booking; the office's time zone comes from the node's copy the booking was judged by.</summary>
    public static async Task<BookingCreatedDto> ToCreatedAsync(
        OfficeConfigCache configs, RantevouDbContext db, BookingEntity b, BookingTokens tokens, CancellationToken ct) =>
        new(b.Code, b.Status.ToString(), OfficeCalendar.ToLocal(b.StartUtc, await configs.ZoneAsync(db, b.OfficeId, ct)),
            b.DeskId, tokens.Manage(b.Id));
}
