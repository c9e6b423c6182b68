using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;

namespace Rantevou.Core.Offices;

/// <summary>
/// Which office a request means: the one named by <c>?office=</c>, else the directorate's first office, so that a
/// kiosk, display or client that names none keeps working when a second office is added.
/// </summary>
public static class OfficeDirectory
{
    public static Task<Office?> ResolveAsync(RantevouDbContext db, string? slug, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(slug)
            ? db.Offices.AsNoTracking().OrderBy(o => o.Id).FirstOrDefaultAsync(ct)
            : db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, ct);

    /// <summary>The same choice from offices already read (<see cref="AllAsync"/>), so a page that lists them reads once.</summary>
    public static Office? Named(IReadOnlyList<Office> offices, string? slug) =>
        string.IsNullOrWhiteSpace(slug) ? offices.FirstOrDefault() : offices.FirstOrDefault(o => o.Slug == slug);

    /// <summary>The office whose days an account's day is counted in: its own, else the directorate's first.</summary>
    public static Task<Office> OfAccountAsync(RantevouDbContext db, int? officeId, CancellationToken ct) =>
        db.Offices.AsNoTracking().OrderBy(o => o.Id != officeId).ThenBy(o => o.Id).FirstAsync(ct);

    /// <summary>Every office, first first: what a citizen or the directorate's administrator chooses from.</summary>
    public static Task<List<Office>> AllAsync(RantevouDbContext db, CancellationToken ct) =>
        db.Offices.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
}
