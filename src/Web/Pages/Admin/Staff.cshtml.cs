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
using Rantevou.Core.Localization;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Admin;

/// <summary>
/// The office's clerks and admins. The admin invites (the account sets its own password from the mail), edits
/// the name, role and a clerk's desks, disables and re-enables. The page shows the admin's office (the directorate's
/// administrator sees the first office here, and every office through <c>/api/admin/staff</c>).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class StaffModel(StaffAccounts accounts, RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text) : AdminPageModel(db, users, messages, text)
{
    public IReadOnlyList<StaffAccountDto> Staff { get; private set; } = [];

    /// <summary>The office's desks, to assign.</summary>
    public IReadOnlyList<Core.Offices.Desk> Desks { get; private set; } = [];

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Role { get; set; } = Roles.Clerk;
    [BindProperty] public List<int> DeskIds { get; set; } = [];

    /// <summary>The account whose row failed, to show its error there.</summary>
    public string? FailedId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        TakeNotice();
        await LoadAsync(ct);
    }

    [Audited("admin.staff.create")]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        var outcome = await accounts.CreateAsync(new NewStaffRequest(Email, DisplayName, Role, Office.Id, DeskIds), User.OfficeOf() ?? Office.Id, ct);
        var after = await AfterAsync(outcome, null, ct);
        // Said as what happened: the person has an invitation in their mail, not just "saved".
        if (outcome.Ok)
            TempData["AdminNotice"] = string.Format(Text["StaffInvited"].Value, outcome.Value.Email);
        return after;
    }

    [Audited("admin.staff.edit")]
    public async Task<IActionResult> OnPostEditAsync(string? id, string? name, string? role, List<int>? desks, CancellationToken ct)
    {
        HttpContext.AuditTarget(id ?? "");
        // The page always sends the name: left empty it is refused, not taken as "unchanged" (an API client may leave it out).
        var typed = Request.HasFormContentType && Request.Form.ContainsKey("name") ? name ?? "" : name;
        var outcome = await accounts.EditAsync(User.OfficeOf(), id ?? "", new StaffEdit(typed, role, desks ?? []), SelfId, ct);
        return await AfterAsync(outcome, id, ct);
    }

    /// <summary>
    /// Disabling ends the person's sign-ins at once, at a desk in the middle of a call too: the first press asks, naming
    /// them; the question's button disables.
    /// </summary>
    [Audited("admin.staff.disable")]
    public async Task<IActionResult> OnPostDisableAsync(string? id, bool confirm, CancellationToken ct)
    {
        HttpContext.AuditTarget(id ?? "");
        if (!confirm)
        {
            await LoadAsync(ct);
            if (Staff.FirstOrDefault(s => s.Id == id && !s.Disabled && s.Id != SelfId) is { } person)
            {
                HttpContext.AuditTarget(person.Email);
                var name = person.DisplayName is { Length: > 0 } n ? n : person.Email;
                Ask(new(Text["DisableStaffTitle"], string.Format(Text["DisableStaffText"].Value, name), Text["DisableStaffButton"]), $"disable-{id}");
                return Page();
            }
        }
        return await AfterAsync(await accounts.SetDisabledAsync(User.OfficeOf(), id ?? "", true, SelfId, ct), id, ct);
    }

    [Audited("admin.staff.enable")]
    public async Task<IActionResult> OnPostEnableAsync(string? id, CancellationToken ct)
    {
        HttpContext.AuditTarget(id ?? "");
        return await AfterAsync(await accounts.SetDisabledAsync(User.OfficeOf(), id ?? "", false, SelfId, ct), id, ct);
    }

    /// <summary>A lost phone: the account signs in with its password alone again and enrols anew (its sign-ins end).</summary>
    [Audited("admin.staff.two-factor-reset")]
    public async Task<IActionResult> OnPostResetTwoFactorAsync(string? id, CancellationToken ct)
    {
        HttpContext.AuditTarget(id ?? "");
        return await AfterAsync(await accounts.ResetTwoFactorAsync(User.OfficeOf(), id ?? "", SelfId, ct), id, ct);
    }

    async Task<IActionResult> AfterAsync(Core.Outcomes.Outcome<StaffAccountDto> outcome, string? id, CancellationToken ct)
    {
        // The audit log names the account by its email, which the auditor can read, not by its internal id.
        if (outcome.Ok)
            HttpContext.AuditTarget(outcome.Value.Email);
        if (Handle(outcome))
            return BackTo("/Admin/Staff", $"account-{outcome.Value!.Id}");
        FailedId = id;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The signed-in administrator: their own account is not disabled, demoted or reset from here.</summary>
    public string? SelfId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    async Task LoadAsync(CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        Staff = (await accounts.ListAsync(User.OfficeOf(), ct)).Where(s => s.OfficeId == Office.Id || s.OfficeId is null).ToList();
        Desks = await Db.Desks.AsNoTracking().Where(d => d.OfficeId == Office.Id).OrderBy(d => d.Number).ToListAsync(ct);
    }
}
