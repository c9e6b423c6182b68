using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Accounts;
using Rantevou.Core.Audit;
using Rantevou.Core.Data;
using Rantevou.Core.Devices;
using Rantevou.Core.Localization;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Admin;

/// <summary>
/// The office's kiosks and displays (ADR 0015): the admin enters the code a machine shows, with a name, and can rename
/// and revoke. The directorate's administrator chooses the office and sees every office's devices.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DevicesModel(DeviceRegistry devices, RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text) : AdminPageModel(db, users, messages, text)
{
    public IReadOnlyList<DeviceDto> Devices { get; private set; } = [];

    /// <summary>The offices to choose from: only for the directorate's administrator, who has none of their own.</summary>
    public IReadOnlyList<(int Id, string Name)> Offices { get; private set; } = [];

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int? OfficeId { get; set; }

    /// <summary>The device whose row failed, to show its error there.</summary>
    public int? FailedId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        TakeNotice();
        await LoadAsync(ct);
    }

    [Audited("admin.device.approve")]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await devices.ApproveAsync(User.OfficeOf(), new ApproveDeviceRequest(Code, Name, OfficeId), User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        if (outcome.Ok)
            HttpContext.AuditTarget(outcome.Value.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await AfterAsync(outcome, null, ct);
    }

    [Audited("admin.device.rename")]
    public async Task<IActionResult> OnPostRenameAsync(int id, string? name, CancellationToken ct)
    {
        HttpContext.AuditTarget(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await AfterAsync(await devices.RenameAsync(User.OfficeOf(), id, name, ct), id, ct);
    }

    /// <summary>
    /// A revoked kiosk stops at once and only a new pairing brings it back (a display goes on showing the room, no longer
    /// recognised; ADR 0015): the first press asks, naming it and saying which, so a kiosk in a busy lobby is not lost to
    /// a slip; the question's button revokes.
    /// </summary>
    [Audited("admin.device.revoke")]
    public async Task<IActionResult> OnPostRevokeAsync(int id, bool confirm, CancellationToken ct)
    {
        HttpContext.AuditTarget(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!confirm)
        {
            await LoadAsync(ct);
            if (Devices.FirstOrDefault(d => d.Id == id && d.Status != "Revoked") is { } device)
            {
                Ask(new(Text["RevokeDeviceTitle"], string.Format(Text["RevokeDeviceText." + device.Kind].Value, device.Name), Text["RevokeDeviceButton"]), $"revoke-{id}");
                return Page();
            }
        }
        return await AfterAsync(await devices.RevokeAsync(User.OfficeOf(), id, ct), id, ct);
    }

    async Task<IActionResult> AfterAsync(Core.Outcomes.Outcome<DeviceDto> outcome, int? id, CancellationToken ct)
    {
        if (Handle(outcome))
            return RedirectToPage("/Admin/Devices", new { culture = Language.Query });
        FailedId = id;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        Devices = await devices.ListAsync(User.OfficeOf(), ct);
        if (User.OfficeOf() is null)
            Offices = (await Db.Offices.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.NameEl, o.NameEn }).ToListAsync(ct))
                .Select(o => (o.Id, Language.Pick(o.NameEl, o.NameEn))).ToList();
    }
}
