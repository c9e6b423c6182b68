using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Booking;

/// <summary>R7: an agent's own bookings, by local day or by a code, name, email or its own note — for its portal and its API.</summary>
public static class AgentBookingsQuery
{
    /// <summary>How many of an agent's latest bookings a search looks through: months of a busy school's bookings.</summary>
    public const int SearchedBookings = 5000;

    static readonly CompareInfo Greek = CultureInfo.GetCultureInfo("el-GR").CompareInfo;

    public static async Task<List<Booking>> ListAsync(RantevouDbContext db, string agentId, DateOnly day, string? search, TimeZoneInfo zone, CancellationToken ct)
    {
        var query = db.Bookings.AsNoTracking().Where(b => b.AgentId == agentId);
        if (string.IsNullOrWhiteSpace(search))
        {
            var (from, to) = OfficeCalendar.DayUtc(day, zone);
            return await query.Where(b => b.StartUtc >= from && b.StartUtc < to).OrderBy(b => b.StartUtc).Take(500).ToListAsync(ct);
        }
        // Matched here, not in SQL: SQLite folds only Latin letters, so "δημήτρης" never found "Δημήτρης". Case and
        // accents are ignored the Greek way ("Δημητρης" finds "Δημήτρης"); a code matches by any part of it.
        var term = search.Trim();
        var code = BookingCode.NormalizePart(term);
        var latest = await query.OrderByDescending(b => b.StartUtc).Take(SearchedBookings).ToListAsync(ct);
        return latest.Where(b => Has(b.FullName, term) || Has(b.Email, term) || Has(b.AgentNote, term) || (code is { Length: >= 4 } && b.Code.Contains(code, StringComparison.Ordinal)))
            .OrderBy(b => b.StartUtc).Take(500).ToList();
    }

    static bool Has(string? text, string term) => text is not null && Greek.IndexOf(text, term, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
}
