using Rantevou.Core.Booking;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Statistics;

/// <summary>The columns of the live day's rows the statistics read (<see cref="DayCount"/>), one record a kind of row.</summary>
static class DayRows
{
    public static DateTime Local(DateTime utc, TimeZoneInfo zone) => OfficeCalendar.ToLocal(utc, zone).DateTime;

    public sealed record Made(int ServiceId, bool Agent, DateTime CreatedUtc);

    public sealed record Appointment(int ServiceId, DateTime StartUtc, BookingStatus Status, bool Agent, bool Confirmed, DateTime? CheckedInUtc,
        bool Late, DateTime? CalledUtc, int? CalledDeskId, DateTime? DoneUtc, bool Rescheduled, bool Reminded, ReminderAnswer? Answer)
    {
        public Guid Id { get; init; }
        public int DeskId { get; init; }
        public DateTime EndUtc { get; init; }
        public string? CalledBy { get; init; }
        public bool EndOfDay { get; init; }
    }

    public sealed record Ticket(int ServiceId, TicketStatus Status, DateTime IssuedUtc, DateTime? CalledUtc, int? CalledDeskId, DateTime? DoneUtc)
    {
        public Guid Id { get; init; }
        public DateOnly Day { get; init; }
        public string? CalledBy { get; init; }
    }

    public sealed record Cut(DateOnly Day, int DeskId, int ServiceId, DateTime CalledUtc, DateTime AtUtc, string? CalledBy, Guid? BookingId, Guid? TicketId);
}
