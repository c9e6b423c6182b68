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
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Admin;

/// <summary>
/// R11: one service's names, group, service time, documents and whether it is offered. A new time applies to new
/// bookings only; switching it off lists its bookings first and cancels them only on confirmation.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ServiceModel(RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text, AdminCatalogue catalogue, ServiceTimes times) : AdminPageModel(db, users, messages, text)
{
    /// <summary>R11: how long this service really took over the last weeks, and the suggested time (null for a new service).</summary>
    public ServiceTimeDto? Learned { get; private set; }

    public List<AdminGroup> Groups { get; private set; } = [];
    [BindProperty] public int GroupId { get; set; }
    [BindProperty] public string? NameEl { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public int DurationMinutes { get; set; }
    [BindProperty] public bool Active { get; set; }
    [BindProperty] public string? Documents { get; set; }

    /// <summary>"new" for a service not yet made.</summary>
    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        Groups = await catalogue.GroupsAsync(Office.Id, ct);
        if (IsNew = id == "new")
        {
            (GroupId, DurationMinutes, Active) = (Groups.FirstOrDefault()?.Id ?? 0, 15, true);
            return Page();
        }
        var s = int.TryParse(id, out var serviceId) ? (await catalogue.ServicesAsync(Office.Id, ct)).FirstOrDefault(x => x.Id == serviceId) : null;
        if (s is null)
            return NotFound();
        Fill(s);
        await LearnAsync(s.Id, ct);
        return Page();
    }

    /// <summary>
    /// R11 in one click: the suggested service time, applied as an ordinary edit of this service (audited; new bookings
    /// only, ADR 0006). The suggestion is computed again here, so the click applies what the figures say now.
    /// </summary>
    [Audited("admin.service.update")]
    public async Task<IActionResult> OnPostSuggestedAsync(int id, CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        Groups = await catalogue.GroupsAsync(Office.Id, ct);
        var s = (await catalogue.ServicesAsync(Office.Id, ct)).FirstOrDefault(x => x.Id == id);
        if (s is null)
            return NotFound();
        Fill(s);
        await LearnAsync(id, ct);
        if (Learned?.SuggestedMinutes is not { } suggested)
            return Page();
        var edit = new ServiceEdit(s.GroupId, s.NameEl, s.NameEn, suggested, s.Active, s.Documents);
        return await EditAsync(id, edit, confirm: false, f => char.ToUpperInvariant(f[0]) + f[1..], ct) switch
        {
            null => NotFound(),
            true => RedirectToPage("/Admin/Service", new { id, culture = Language.Query }),
            false => Page(),
        };
    }

    void Fill(AdminService s)
    {
        (GroupId, NameEl, NameEn, DurationMinutes, Active) = (s.GroupId, s.NameEl, s.NameEn, s.DurationMinutes, s.Active);
        Documents = string.Join("\n", s.Documents.Select(d => $"{d.TextEl} | {d.TextEn}"));
    }

    async Task LearnAsync(int id, CancellationToken ct) =>
        Learned = (await times.ForOfficeAsync(Office.Id, ServiceTimes.DefaultWeeks, ct)).Services.FirstOrDefault(t => t.ServiceId == id);

    [Audited("admin.service.update")]
    public async Task<IActionResult> OnPostAsync(string id, bool confirm, CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        Groups = await catalogue.GroupsAsync(Office.Id, ct);
        IsNew = id == "new";
        if (IsNew)
            HttpContext.AuditAction("admin.service.create");
        if (!IsNew && !int.TryParse(id, out _))
            return NotFound();
        var edit = new ServiceEdit(GroupId, NameEl, NameEn, DurationMinutes, Active, ParseDocuments(Documents));
        ConfirmForm = "service-form";
        // Field names of the API become the form's ids; every document line error points at the one textarea.
        static string Field(string f) => f.StartsWith("documents", StringComparison.Ordinal) ? "Documents" : char.ToUpperInvariant(f[0]) + f[1..];
        var saved = IsNew
            ? Handle(await catalogue.CreateServiceAsync(Office.Id, edit, ct), Field)
            : await EditAsync(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), edit, confirm, Field, ct);
        if (saved is null)
            return NotFound();
        // A new service is served by no desk yet, so citizens do not see it: the admin is told where to give it one.
        if (IsNew && saved.Value)
            TempData["AdminNotice"] = $"{TempData["AdminNotice"]} {Text["ServiceNotServedYet"].Value}";
        return saved.Value ? RedirectToPage("/Admin/Services", new { culture = Language.Query }) : Page();
    }

    async Task<bool?> EditAsync(int id, ServiceEdit edit, bool confirm, Func<string, string> field, CancellationToken ct)
    {
        var outcome = await catalogue.EditServiceAsync(Office.Id, id, edit, confirm, ct);
        return outcome.Problem?.Kind == Core.Outcomes.ProblemKind.NotFound ? null : Handle(outcome, field);
    }

    /// <summary>One document per line, "Greek | English"; a line without both halves is kept so validation names it.</summary>
    static List<DocumentText> ParseDocuments(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
        .Select(parts => new DocumentText(parts[0], parts.Length > 1 ? parts[1] : null))
        .ToList();
}
