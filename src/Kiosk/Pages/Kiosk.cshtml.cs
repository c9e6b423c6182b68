using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Rantevou.Core.Devices;

namespace Rantevou.Kiosk.Pages;

/// <summary>
/// The kiosk works only as a registered device (ADR 0015): a browser without the kiosk's cookie is sent to the pairing
/// screen, which comes back here once an administrator approved its code (or, on a development machine, is paired at once).
/// </summary>
public sealed class KioskModel(DevicePages devices) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await devices.IdentifyAsync(HttpContext, DeviceKind.Kiosk, ct) is not null)
            return Page();
        var query = new Dictionary<string, string?> { ["kind"] = "kiosk", ["culture"] = Request.Query["culture"].ToString() is { Length: > 0 } c ? c : null };
        if (Request.Query["office"].ToString() is { Length: > 0 } office)
            query["office"] = office;
        return Redirect(QueryHelpers.AddQueryString("/devices/pair", query.Where(q => q.Value is not null)!));
    }
}
