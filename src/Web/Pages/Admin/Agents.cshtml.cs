using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rantevou.Contracts.Agents;
using Rantevou.Core.Accounts;
using Rantevou.Core.Audit;
using Rantevou.Core.Localization;

namespace Rantevou.Web.Pages.Admin;

/// <summary>R8: the administrators create the accounts of driving schools and processing agents; nobody signs up alone.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AgentsModel(AgentAccounts accounts, UserManager<AppUser> users, IStringLocalizer<Messages> messages) : PageModel
{
    public IReadOnlyList<AppUser> Agents { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Created { get; private set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Kind { get; set; } = nameof(AgentKind.DrivingSchool);
    [BindProperty] public string? Mobile { get; set; }
    [BindProperty] public string? Password { get; set; }

    public async Task OnGetAsync(string? created)
    {
        Created = created;
        await LoadAsync();
    }

    [Audited("admin.agent.create")]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await accounts.CreateAsync(new NewAgentRequest(Email, DisplayName, Kind, Mobile, Password), ct);
        if (outcome.Ok)
        {
            HttpContext.AuditTarget(outcome.Value!.Id);
            return Redirect($"/admin/agents?created={Uri.EscapeDataString(outcome.Value!.Email)}");
        }
        var problem = outcome.Problem!;
        foreach (var (field, keys) in problem.FieldErrors ?? new Dictionary<string, string[]>())
            Errors[field] = string.Join(" ", keys.Select(k => messages[k].Value));
        if (problem.FieldErrors is null)
            Errors["email"] = messages[problem.MessageKey];
        ViewData["HasErrors"] = true;
        await LoadAsync();
        return Page();
    }

    async Task LoadAsync() => Agents = (await users.GetUsersInRoleAsync(Roles.Agent)).OrderBy(a => a.DisplayName).ToList();
}
