using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rantevou.Core.Data;
using Rantevou.Core.Devices;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;

namespace Rantevou.Display.Pages;

/// <summary>
/// The display shows only what is public anyway (codes, desks, times: the snapshot), so it needs no pairing to work
/// (ADR 0015). A paired display is recognised, so the office sees it named and when it last ran; on a development
/// machine it pairs itself. It names its office (<c>?office=</c>, else the directorate's first), so a branch's waiting
/// room is never mistaken for the directorate's.
/// </summary>
public sealed class DisplayModel(DevicePages devices, RantevouDbContext db) : PageModel
{
    /// <summary>The <c>?office=</c> slug as asked for; the page's script joins that office's live day.</summary>
    public string Office { get; private set; } = "";

    /// <summary>The office's name in the page's language; null for an office slug that names none.</summary>
    public string? OfficeName { get; private set; }

    /// <summary>
    /// An <c>?office=</c> that names no office (a typo when the screen was set up): the page says so, in words, instead of
    /// a wall that tries to connect for ever.
    /// </summary>
    public bool UnknownOffice { get; private set; }

    public async Task OnGetAsync(string? office, CancellationToken ct)
    {
        Office = office ?? "";
        OfficeName = (await OfficeDirectory.ResolveAsync(db, office, ct))?.Name(Language.Current);
        UnknownOffice = OfficeName is null && !string.IsNullOrEmpty(office);
        if (UnknownOffice)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await devices.IdentifyAsync(HttpContext, DeviceKind.Display, ct);
    }
}
