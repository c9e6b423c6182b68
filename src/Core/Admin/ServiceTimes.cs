using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Admin;

/// <summary>
/// R11 says service times change "as conditions require": this tells the administrator what the conditions are. For
/// each service, how long its people really took at the desk over the last weeks (called → completed, appointments and
/// walk-ins alike), and a suggested service time: the 75th percentile rounded up to the slot unit, so about three in
/// four are done within their slot and the day does not drift, without planning every slot for the slowest case.
/// </summary>
public sealed class ServiceTimes(RantevouDbContext db, TimeProvider clock)
{
    public const int DefaultWeeks = 8;

    /// <summary>Fewer served than this and the figures are shown, but nothing is suggested: a few cases are not a rule.</summary>
    public const int MinimumServed = 20;

    public async Task<ServiceTimesDto> ForOfficeAsync(int officeId, int weeks, CancellationToken ct)
    {
        var office = await OfficeLoader.LoadAsync(db, officeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var to = OfficeCalendar.LocalDate(now, office.TimeZone);
        var from = to.AddDays(-7 * weeks + 1);
        var sinceUtc = OfficeCalendar.DayStartUtc(from, office.TimeZone);

        // A person interrupted (R13) and called again counts from the last call: the time at the desk that finished it.
        var appointments = await db.Bookings.AsNoTracking()
            .Where(b => b.OfficeId == officeId && b.Status == BookingStatus.Served && b.CalledUtc != null && b.DoneUtc >= sinceUtc)
            .Select(b => new { b.ServiceId, Called = b.CalledUtc!.Value, Done = b.DoneUtc!.Value }).ToListAsync(ct);
        var walkIns = await db.WalkInTickets.AsNoTracking()
            .Where(t => t.OfficeId == officeId && t.Status == TicketStatus.Served && t.CalledUtc != null && t.DoneUtc >= sinceUtc)
            .Select(t => new { t.ServiceId, Called = t.CalledUtc!.Value, Done = t.DoneUtc!.Value }).ToListAsync(ct);
        var minutes = appointments.Concat(walkIns).Where(x => x.Done >= x.Called)
            .ToLookup(x => x.ServiceId, x => (x.Done - x.Called).TotalMinutes);

        var services = await db.Services.AsNoTracking().Where(s => s.OfficeId == officeId)
            .OrderBy(s => s.GroupId).ThenBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.NameEl, s.NameEn, s.DurationMinutes }).ToListAsync(ct);
        var list = services.Select(s =>
        {
            var taken = minutes[s.Id].Order().ToArray();
            double? median = taken.Length > 0 ? Percentile(taken, 0.5) : null;
            double? p75 = taken.Length > 0 ? Percentile(taken, 0.75) : null;
            int? suggested = taken.Length >= MinimumServed ? Suggest(p75!.Value) : null;
            return new ServiceTimeDto(s.Id, s.NameEl, s.NameEn, s.DurationMinutes, taken.Length,
                median is { } m ? Math.Round(m, 1, MidpointRounding.AwayFromZero) : null,
                p75 is { } q ? Math.Round(q, 1, MidpointRounding.AwayFromZero) : null, suggested);
        }).ToList();
        return new ServiceTimesDto(weeks, from, to, MinimumServed, list);
    }

    /// <summary>The <paramref name="p"/> quantile of sorted values, interpolated between the closest ranks (as a spreadsheet's PERCENTILE.INC).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }

    /// <summary>Up to the next whole slot unit (bookings claim 5-minute units), at least one unit.</summary>
    public static int Suggest(double p75) =>
        Math.Max(SlotClaim.UnitMinutes, (int)Math.Ceiling(Math.Round(p75, 6) / SlotClaim.UnitMinutes) * SlotClaim.UnitMinutes);
}
