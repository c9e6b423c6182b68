using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Booking;

/// <summary>R7: an agent's own bookings, by local day or by a code, name or email — for its portal and its API.</summary>
public static class AgentBookingsQuery
{
    public static Task<List<Booking>> ListAsync(RantevouDbContext db, string agentId, DateOnly day, string? search, TimeZoneInfo zone, CancellationToken ct)
    {
        var query = db.Bookings.AsNoTracking().Where(b => b.AgentId == agentId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            var code = BookingCode.Normalize(term);
            query = query.Where(b => b.Code == code || b.FullName.ToLower().Contains(term) || b.Email.ToLower().Contains(term));
        }
        else
        {
            var (from, to) = OfficeCalendar.DayUtc(day, zone);
            query = query.Where(b => b.StartUtc >= from && b.StartUtc < to);
        }
        return query.OrderBy(b => b.StartUtc).Take(500).ToListAsync(ct);
    }
}
