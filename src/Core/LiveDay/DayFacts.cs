using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Core.LiveDay;

/// <summary>R5: the estimate offered to a late arrival who can no longer be fitted in: when, and whether it fits before closing.</summary>
public sealed record EndOfDayEstimate(DateTime? StartUtc, bool Fits);

/// <summary>
/// The office's day as the queue rules need it, read in a few queries: open hours, desks and their services,
/// today's bookings and walk-in tickets.
/// </summary>
public sealed class DayFacts
{
    public required Office Office { get; init; }
    public required DateOnly Day { get; init; }
    public required OfficeCalendar.OpenInterval? Open { get; init; }
    public required IReadOnlyList<Offices.Desk> Desks { get; init; }
    public required ILookup<int, int> ServicesByDesk { get; init; }
    public required IReadOnlyList<BookingEntity> Bookings { get; init; }
    public required IReadOnlyList<WalkInTicket> Tickets { get; init; }

    public DateTime CloseUtc => Open?.CloseUtc ?? DateTime.MinValue;

    /// <summary>
    /// The desks someone has been called to today, or null before the day's first call. Walk-in waits count only these
    /// once the day has started: a desk nobody sits at calls nobody, and counting it told people "soon" for hours.
    /// </summary>
    public IReadOnlySet<int>? CallingDesks => callingDesks ??= Calling();

    IReadOnlySet<int>? callingDesks;

    IReadOnlySet<int>? Calling()
    {
        var desks = Bookings.Select(b => b.CalledDeskId).Concat(Tickets.Select(t => t.CalledDeskId)).OfType<int>().ToHashSet();
        return desks.Count == 0 ? null : desks;
    }

    public static async Task<DayFacts> LoadAsync(RantevouDbContext db, Office office, DateTime nowUtc, CancellationToken ct)
    {
        var day = OfficeCalendar.LocalDate(nowUtc, office.TimeZone);
        var open = OfficeCalendar.OpenOn(day, office.TimeZone, office.Hours, office.SpecialDays);
        var (from, to) = OfficeCalendar.DayUtc(day, office.TimeZone);
        var desks = await db.Desks.AsNoTracking().Where(d => d.OfficeId == office.Id && d.Active).OrderBy(d => d.Number).ToListAsync(ct);
        var deskIds = desks.Select(d => d.Id).ToList();
        var links = await db.DeskServices.AsNoTracking().Where(ds => deskIds.Contains(ds.DeskId)).ToListAsync(ct);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.OfficeId == office.Id && b.StartUtc >= from && b.StartUtc < to)
            .OrderBy(b => b.StartUtc).ToListAsync(ct);
        var tickets = await db.WalkInTickets.AsNoTracking()
            .Where(t => t.OfficeId == office.Id && t.Day == day).OrderBy(t => t.Number).ToListAsync(ct);
        return new DayFacts
        {
            Office = office,
            Day = day,
            Open = open,
            Desks = desks,
            ServicesByDesk = links.ToLookup(l => l.DeskId, l => l.ServiceId),
            Bookings = bookings,
            Tickets = tickets,
        };
    }
}
