using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;
using Rantevou.Core.Devices;

namespace Rantevou.Kiosk.Pages;

/// <summary>
/// The kiosk works only as a registered device (ADR 0015): a browser without the kiosk's cookie is sent to the pairing
/// screen, which comes back here once an administrator approved its code (or, on a development machine, is paired at once).
/// </summary>
public sealed class KioskModel(DevicePages devices, RantevouDbContext db) : PageModel
{
    /// <summary>The office the kiosk was paired for: a visitor who must book again (R5) books there.</summary>
    public string? OfficeSlug { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await devices.IdentifyAsync(HttpContext, DeviceKind.Kiosk, ct) is { } kiosk)
        {
            OfficeSlug = await db.Offices.Where(o => o.Id == kiosk.OfficeId).Select(o => o.Slug).FirstOrDefaultAsync(ct);
            return Page();
        }
        var query = new Dictionary<string, string?> { ["kind"] = "kiosk", ["culture"] = Request.Query["culture"].ToString() is { Length: > 0 } c ? c : null };
        if (Request.Query["office"].ToString() is { Length: > 0 } office)
            query["office"] = office;
        return Redirect(QueryHelpers.AddQueryString("/devices/pair", query.Where(q => q.Value is not null)!));
    }
}
