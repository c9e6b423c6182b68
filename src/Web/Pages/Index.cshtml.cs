using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Web.Pages;

/// <summary>R1, R10: every bookable service, grouped as the office groups them, with its service time and documents.</summary>
public sealed class IndexModel(RantevouDbContext db) : PageModel
{
    public Office Office { get; private set; } = null!;
    public IReadOnlyList<ServiceGroup> Groups { get; private set; } = [];

    /// <summary>The directorate's other offices, where the person may book instead.</summary>
    public IReadOnlyList<Office> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? office, CancellationToken ct)
    {
        var offices = await OfficeDirectory.AllAsync(db, ct);
        var found = OfficeDirectory.Named(offices, office);
        if (found is null)
            return NotFound();
        Office = found;
        Others = offices.Where(o => o.Id != found.Id).ToList();
        var groups = await db.ServiceGroups.AsNoTracking()
            .Where(g => g.OfficeId == found.Id)
            .Include(g => g.Services.Where(s => s.Active)).ThenInclude(s => s.Documents)
            .OrderBy(g => g.SortOrder).AsSplitQuery().ToListAsync(ct);
        // Only what a desk serves: a service no desk serves yet would show every day as full (R11).
        var served = await OfficeConfigCache.ServedAsync(db, found.Id, ct);
        foreach (var group in groups)
            group.Services.RemoveAll(s => !served.Contains(s.Id));
        Groups = groups.Where(g => g.Services.Count > 0).ToList();
        return Page();
    }
}
