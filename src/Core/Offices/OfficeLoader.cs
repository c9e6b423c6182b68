using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;

namespace Rantevou.Core.Offices;

public static class OfficeLoader
{
    /// <summary>An office with its weekly hours and special days, which every calendar question needs.</summary>
    public static Task<Office> LoadAsync(RantevouDbContext db, int officeId, CancellationToken ct) =>
        db.Offices.AsNoTracking()
            .Include(o => o.Hours)
            .Include(o => o.SpecialDays)
            .AsSplitQuery()
            .FirstAsync(o => o.Id == officeId, ct);
}
