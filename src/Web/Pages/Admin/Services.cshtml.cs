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
using Rantevou.Web.Infrastructure;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Admin;

/// <summary>R11: every service of the office by group, active or not, with its service time; groups are named and ordered here.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ServicesModel(RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text, AdminCatalogue catalogue, ServiceTimes times) : AdminPageModel(db, users, messages, text)
{
    public List<AdminGroup> Groups { get; private set; } = [];
    public List<AdminService> Services { get; private set; } = [];

    /// <summary>R11: each service's real time and suggested time, by service id.</summary>
    public Dictionary<int, ServiceTimeDto> Times { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        TakeNotice();
        Groups = await catalogue.GroupsAsync(Office.Id, ct);
        Services = await catalogue.ServicesAsync(Office.Id, ct);
        Times = (await times.ForOfficeAsync(Office.Id, ServiceTimes.DefaultWeeks, ct)).Services.ToDictionary(t => t.ServiceId);
    }

    /// <summary>Saves a group's names and order; <paramref name="id"/> 0 adds a group. Inputs carry the group id (unique ids per form).</summary>
    [Audited("admin.group.save")]
    public async Task<IActionResult> OnPostGroupAsync(int id, CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        var p = $"group{id}-";
        _ = int.TryParse(Request.Form[p + "sortOrder"], out var sortOrder);
        var edit = new GroupEdit(Request.Form[p + "nameEl"], Request.Form[p + "nameEn"], sortOrder);
        if (Handle(await catalogue.SaveGroupAsync(Office.Id, id == 0 ? null : id, edit, ct), f => p + f))
            return RedirectToPage("/Admin/Services", new { culture = Language.Query });
        Groups = await catalogue.GroupsAsync(Office.Id, ct);
        Services = await catalogue.ServicesAsync(Office.Id, ct);
        Posted = (id, edit);
        return Page();
    }

    /// <summary>The group form as posted, shown again with its errors.</summary>
    public (int Id, GroupEdit Edit)? Posted { get; private set; }

    public GroupEdit FormOf(AdminGroup? g) =>
        Posted is { } p && p.Id == (g?.Id ?? 0) ? p.Edit : new GroupEdit(g?.NameEl, g?.NameEn, g?.SortOrder ?? Groups.Count + 1);
}
