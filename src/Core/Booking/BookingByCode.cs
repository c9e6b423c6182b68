using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;

namespace Rantevou.Core.Booking;

/// <summary>A booking found by its code as people type it (<see cref="BookingCode.Normalize"/>).</summary>
public static class BookingByCode
{
    /// <summary>The booking, untracked, or null for a code that is malformed or names none. Whoever asks checks the token or role it needs.</summary>
    public static async Task<Booking?> FindAsync(RantevouDbContext db, string? code, CancellationToken ct)
    {
        var normalized = BookingCode.Normalize(code);
        return normalized is null ? null : await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Code == normalized, ct);
    }
}
