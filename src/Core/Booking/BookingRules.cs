using Rantevou.Core.Catalogue;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Core.Slots;

namespace Rantevou.Core.Booking;

/// <summary>
/// R1: whether a start time may be booked for a service, judged against the office's calendar; R5: until when a booking
/// whose time has come may still check in.
/// </summary>
public static class BookingRules
{
    public static Problem? CheckStart(Office office, Service service, DateTime startUtc, DateTime nowUtc) =>
        CheckStart(office, service.DurationMinutes, startUtc, nowUtc);

    /// <summary>The same for an appointment of <paramref name="durationMinutes"/>: a moved booking keeps the time it was booked with (R11).</summary>
    public static Problem? CheckStart(Office office, int durationMinutes, DateTime startUtc, DateTime nowUtc)
    {
        if (!SlotFinder.OnGrid(startUtc))
            return Problem.Unprocessable(MessageKeys.NotOnGrid);
        if (startUtc <= nowUtc)
            return Problem.Unprocessable(MessageKeys.StartInPast);
        if (startUtc < nowUtc.AddMinutes(office.BookingCutoffMinutes))
            return Problem.Unprocessable(MessageKeys.StartTooSoon);
        var zone = office.TimeZone;
        var date = OfficeCalendar.LocalDate(startUtc, zone);
        if (date > LastBookableDate(office, nowUtc))
            return Problem.Unprocessable(MessageKeys.BeyondHorizon);
        var open = OfficeCalendar.OpenOn(date, zone, office.Hours, office.SpecialDays);
        if (open is null)
            return Problem.Unprocessable(MessageKeys.OfficeClosed);
        if (startUtc < open.OpenUtc || startUtc.AddMinutes(durationMinutes) > open.CloseUtc)
            return Problem.Unprocessable(MessageKeys.OutsideHours);
        return null;
    }

    /// <summary>R5: until when a booking may still check in late; the sweep expires it then, unconfirmed arrival or not.</summary>
    public static DateTime LateUntil(Booking booking, Office office) => booking.StartUtc.AddMinutes(office.GraceMinutes);

    /// <summary>R5: for a confirmed booking whose time has come with nobody checked in, until when the kiosk still takes it.</summary>
    public static DateTime? CheckInBy(Booking booking, Office office, DateTime nowUtc) =>
        booking.Status == BookingStatus.Confirmed && nowUtc >= booking.StartUtc ? LateUntil(booking, office) : null;

    public static DateOnly Today(Office office, DateTime nowUtc) => OfficeCalendar.LocalDate(nowUtc, office.TimeZone);

    public static DateOnly LastBookableDate(Office office, DateTime nowUtc) => Today(office, nowUtc).AddDays(office.BookingHorizonDays);
}
