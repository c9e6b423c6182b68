using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Rantevou.Core.Devices;
using Rantevou.Core.Localization;
using Rantevou.Web.Infrastructure;

namespace Rantevou.Web.Pages.Devices;

/// <summary>
/// The screen of a kiosk (or display) that is not registered yet: a pairing code, large, for an administrator to enter
/// at /admin/devices; pair.js polls until it is approved and then opens the machine's own page. A machine already
/// paired goes straight there.
/// </summary>
public sealed class PairModel(DevicePages devices) : PageModel
{
    public DeviceKind Kind { get; private set; }

    /// <summary>Where the machine goes once paired: its page, in its language and office.</summary>
    public string Target { get; private set; } = "/kiosk";

    public async Task<IActionResult> OnGetAsync(string? kind, string? office, CancellationToken ct)
    {
        Kind = string.Equals(kind, "display", StringComparison.OrdinalIgnoreCase) ? DeviceKind.Display : DeviceKind.Kiosk;
        var query = new Dictionary<string, string?> { ["culture"] = Language.Current };
        if (!string.IsNullOrWhiteSpace(office))
            query["office"] = office;
        Target = QueryHelpers.AddQueryString(Kind == DeviceKind.Kiosk ? "/kiosk" : "/display", query);
        if (await devices.IdentifyAsync(HttpContext, Kind, ct) is not null)
            return Redirect(Target);
        return Page();
    }
}
