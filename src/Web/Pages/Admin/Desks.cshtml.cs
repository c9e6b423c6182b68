using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Accounts;
using Rantevou.Core.Admin;
using Rantevou.Core.Audit;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Web.Infrastructure;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Admin;

/// <summary>
/// R11: desks, whether they work, and which services each serves; a desk switched off lists its bookings first. A desk
/// the office opens is added at the end, numbered after the last.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DesksModel(RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text, AdminCatalogue catalogue) : AdminPageModel(db, users, messages, text)
{
    public List<AdminDesk> Desks { get; private set; } = [];
    public List<AdminService> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        TakeNotice();
    }

    [Audited("admin.desk.update")]
    public async Task<IActionResult> OnPostAsync(int id, bool active, List<int>? serviceIds, bool confirm, CancellationToken ct)
    {
        // Each desk's inputs carry its id, so the ids stay unique on a page with a form per desk.
        var nameEl = Request.Form[$"desk{id}-nameEl"].FirstOrDefault();
        var nameEn = Request.Form[$"desk{id}-nameEn"].FirstOrDefault();
        await LoadOfficeAsync(ct);
        // R11: a desk switched off moves its bookings (each with a mail): the admin sees who before anyone is moved.
        var outcome = await catalogue.EditDeskAsync(Office.Id, id, new DeskEdit(nameEl, nameEn, active, serviceIds), confirm, ct, askBeforeMoving: true);
        if (Handle(outcome, f => $"desk{id}-{f}"))
            return BackTo("/Admin/Desks", $"desk{id}-form");
        NameTheFields($"desk{id}-");
        await LoadAsync(ct);
        // Refused as a whole (DeskServingNow): the card shows the desk as it stands, not as the refused change would.
        if (Errors.ContainsKey(""))
            return Page();
        ConfirmForm = $"desk{id}-form";
        var i = Desks.FindIndex(d => d.Id == id);
        if (i >= 0)
            Desks[i] = Desks[i] with { NameEl = nameEl ?? "", NameEn = nameEn ?? "", Active = active, ServiceIds = serviceIds ?? [] };
        return Page();
    }

    /// <summary>
    /// The new desk's form: as posted when refused, else the names the office's desks start with and every active
    /// service. Switched off until the admin switches it on: the least busy desk takes the next bookings, and a desk
    /// nobody works at yet would take them all (R3 only hands them to other desks once they are due).
    /// </summary>
    public DeskEdit NewDesk { get; private set; } = new(null, null, false, null);

    public int NextNumber => Desks.Count == 0 ? 1 : Desks.Max(d => d.Number) + 1;

    [Audited("admin.desk.create")]
    public async Task<IActionResult> OnPostNewAsync(bool active, List<int>? serviceIds, int? number, CancellationToken ct)
    {
        var edit = new DeskEdit(Request.Form["new-nameEl"].FirstOrDefault(), Request.Form["new-nameEn"].FirstOrDefault(), active, serviceIds);
        await LoadOfficeAsync(ct);
        var outcome = await catalogue.CreateDeskAsync(Office.Id, edit, ct, number);
        if (Handle(outcome, f => $"new-{f}") && outcome.Value is { } desk)
        {
            HttpContext.AuditTarget(desk.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            TempData["AdminNotice"] = string.Format(Text["DeskAdded"].Value, desk.Number);
            return BackTo("/Admin/Desks", $"desk{desk.Id}-form");
        }
        await LoadAsync(ct, edit);
        NameTheFields("new-");
        return Page();
    }

    /// <summary>The summary at the top says which name is missing: the same message stands for the Greek and the English.</summary>
    void NameTheFields(string prefix)
    {
        SummaryLabels[prefix + "nameEl"] = Text["NameEl"].Value;
        SummaryLabels[prefix + "nameEn"] = Text["NameEn"].Value;
        SummaryLabels[prefix + "serviceIds"] = Text["DeskServices"].Value;
    }

    async Task LoadAsync(CancellationToken ct, DeskEdit? posted = null)
    {
        if (Office is null)
            await LoadOfficeAsync(ct);
        Desks = await catalogue.DesksAsync(Office!.Id, ct);
        Services = await catalogue.ServicesAsync(Office.Id, ct);
        var (el, en) = Desk.DefaultNames(NextNumber);
        NewDesk = posted ?? new DeskEdit(el, en, false, [.. Services.Where(s => s.Active).Select(s => s.Id)]);
    }
}
