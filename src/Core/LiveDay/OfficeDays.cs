using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Core.LiveDay;

/// <summary>The office-day row: its version orders every queue change (principle 1 and 3).</summary>
public static class OfficeDays
{
    /// <summary>
    /// Creates the day's row if missing, outside any transaction, so concurrent first changes of a day do not collide.
    /// A new day continues the office's version, so a screen never sees the version go back.
    /// </summary>
    public static async Task EnsureAsync(RantevouDbContext db, int officeId, DateOnly day, CancellationToken ct)
    {
        if (await db.OfficeDays.AnyAsync(d => d.OfficeId == officeId && d.Day == day, ct))
            return;
        var last = await db.OfficeDays.Where(d => d.OfficeId == officeId).MaxAsync(d => (long?)d.Version, ct) ?? 0;
        db.OfficeDays.Add(new OfficeDay { OfficeId = officeId, Day = day, Version = last });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another request created it first.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The version screens compare: the office's highest. Only today's row is ever bumped, and a new day starts from the
    /// office's last version, so the highest is today's, or before today's first change yesterday's last. One statement:
    /// the heartbeat and the snapshot read nothing else to know whether anything changed.
    /// </summary>
    public static async Task<long> VersionAsync(RantevouDbContext db, int officeId, CancellationToken ct) =>
        await db.OfficeDays.Where(d => d.OfficeId == officeId).MaxAsync(d => (long?)d.Version, ct) ?? 0;

    public static DateOnly Today(Office office, TimeProvider clock) => OfficeCalendar.LocalDate(clock.GetUtcNow().UtcDateTime, office.TimeZone);
}
