using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Accounts;
using Rantevou.Core.Admin;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Admin;

/// <summary>R11: every service of the office by group, active or not, with its service time.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ServicesModel(RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text, AdminCatalogue catalogue) : AdminPageModel(db, users, messages, text)
{
    public List<AdminGroup> Groups { get; private set; } = [];
    public List<AdminService> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        TakeNotice();
        Groups = await catalogue.GroupsAsync(Office.Id, ct);
        Services = await catalogue.ServicesAsync(Office.Id, ct);
    }
}
