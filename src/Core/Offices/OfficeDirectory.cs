using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;

namespace Rantevou.Core.Offices;

/// <summary>Which office a request means: the one named by <c>?office=</c>, or the only one there is.</summary>
public static class OfficeDirectory
{
    public static async Task<Office?> ResolveAsync(RantevouDbContext db, string? slug, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(slug))
            return await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, ct);
        var first = await db.Offices.AsNoTracking().OrderBy(o => o.Id).Take(2).ToListAsync(ct);
        return first.Count == 1 ? first[0] : null;
    }
}
