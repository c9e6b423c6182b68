using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Web.Pages;

/// <summary>A group of the office's services with those of it that are offered, in order.</summary>
public sealed record OfferedGroup(ServiceGroup Group, IReadOnlyList<Service> Services);

/// <summary>
/// R1, R10: every bookable service, grouped as the office groups them, with its service time and documents. From this
/// node's copy of the office's configuration, as the services' API and the kiosk read them (ADR 0016).
/// </summary>
public sealed class IndexModel(RantevouDbContext db, OfficeConfigCache configs) : PageModel
{
    public Office Office { get; private set; } = null!;
    public IReadOnlyList<OfferedGroup> Groups { get; private set; } = [];

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
        var config = await configs.AtLeastAsync(db, found, ct);
        Groups = [.. config.Offered.GroupBy(s => s.GroupId).Select(g => new OfferedGroup(g.First().Group!, [.. g]))];
        return Page();
    }
}
