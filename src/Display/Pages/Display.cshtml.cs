using Microsoft.AspNetCore.Mvc.RazorPages;
using Rantevou.Core.Devices;

namespace Rantevou.Display.Pages;

/// <summary>
/// The display shows only what is public anyway (codes, desks, times: the snapshot), so it needs no pairing to work
/// (ADR 0015). A paired display is recognised, so the office sees it named and when it last ran; on a development
/// machine it pairs itself.
/// </summary>
public sealed class DisplayModel(DevicePages devices) : PageModel
{
    public Task OnGetAsync(CancellationToken ct) => devices.IdentifyAsync(HttpContext, DeviceKind.Display, ct);
}
