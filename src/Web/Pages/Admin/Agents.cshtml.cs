using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rantevou.Contracts.Agents;
using Rantevou.Core.Accounts;
using Rantevou.Core.Audit;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Web.Infrastructure;

namespace Rantevou.Web.Pages.Admin;

/// <summary>
/// R8: the administrators create the accounts of driving schools and processing agents; nobody signs up alone.
/// R12: each agent may get its own daily quota; empty means the office's quota (/admin/settings).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AgentsModel(AgentAccounts accounts, RantevouDbContext db, IStringLocalizer<Messages> messages) : PageModel
{
    public IReadOnlyList<AgentAccountDto> Agents { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Created { get; private set; }
    public bool QuotaSaved { get; private set; }

    /// <summary>The office's quota, shown as what an empty field means.</summary>
    public int OfficeQuota { get; private set; }

    /// <summary>The agent whose quota field failed, and what was typed, to show them again.</summary>
    public (string Id, string? Typed)? QuotaInput { get; private set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Kind { get; set; } = nameof(AgentKind.DrivingSchool);
    [BindProperty] public string? Mobile { get; set; }
    [BindProperty] public string? Password { get; set; }

    /// <summary>The account just disabled or enabled, to say so: its name and the new state.</summary>
    public (string Name, bool Disabled)? Switched { get; private set; }

    public async Task OnGetAsync(string? created, bool quotaSaved, string? disabled, string? enabled, CancellationToken ct)
    {
        (Created, QuotaSaved) = (created, quotaSaved);
        await LoadAsync(ct);
        if (Agents.FirstOrDefault(a => a.Id == (disabled ?? enabled)) is { } switched)
            Switched = (switched.DisplayName, disabled is not null);
    }

    [Audited("admin.agent.disable")]
    public Task<IActionResult> OnPostDisableAsync(string? id, CancellationToken ct) => SwitchAsync(id, true, ct);

    [Audited("admin.agent.enable")]
    public Task<IActionResult> OnPostEnableAsync(string? id, CancellationToken ct) => SwitchAsync(id, false, ct);

    /// <summary>R8: an agreement that ends ends the account (no sign-in, no booking); its bookings stay.</summary>
    async Task<IActionResult> SwitchAsync(string? id, bool disabled, CancellationToken ct)
    {
        HttpContext.AuditTarget(id ?? "");
        var outcome = await accounts.SetDisabledAsync(User.OfficeOf(), id ?? "", disabled, ct);
        if (!outcome.Ok)
            return NotFound();
        return disabled
            ? RedirectToPage("/Admin/Agents", new { disabled = outcome.Value.Id, culture = Language.Query })
            : RedirectToPage("/Admin/Agents", new { enabled = outcome.Value.Id, culture = Language.Query });
    }

    [Audited("admin.agent.quota")]
    public async Task<IActionResult> OnPostQuotaAsync(string? id, string? quota, CancellationToken ct)
    {
        HttpContext.AuditTarget(id ?? "");
        int? value = null;
        var text = quota?.Trim();
        if (!string.IsNullOrEmpty(text))
            value = int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        var outcome = await accounts.SetQuotaAsync(User.OfficeOf(), id ?? "", value, ct);
        if (outcome.Ok)
            return RedirectToPage("/Admin/Agents", new { quotaSaved = "true", culture = Language.Query });
        var problem = outcome.Problem;
        Errors["quota"] = messages[problem.FieldErrors?.Values.First()[0] ?? problem.MessageKey];
        QuotaInput = (id ?? "", quota);
        ViewData["HasErrors"] = true;
        await LoadAsync(ct);
        return Page();
    }

    [Audited("admin.agent.create")]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await accounts.CreateAsync(new NewAgentRequest(Email, DisplayName, Kind, Mobile, Password), User.OfficeOf(), ct);
        if (outcome.Ok)
        {
            HttpContext.AuditTarget(outcome.Value.Id);
            return RedirectToPage("/Admin/Agents", new { created = outcome.Value.Email, culture = Language.Query });
        }
        FormErrors.Fill(HttpContext, Errors, outcome.Problem, messages, "email");
        ViewData["HasErrors"] = true;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Agents = await accounts.ListAsync(User.OfficeOf(), ct);
        var office = User.OfficeOf();
        OfficeQuota = await db.Offices.AsNoTracking().OrderBy(o => o.Id != office).ThenBy(o => o.Id).Select(o => o.AgentDailyQuota).FirstAsync(ct);
    }
}
