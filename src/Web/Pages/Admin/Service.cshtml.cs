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

/// <summary>
/// R11: one service's names, group, service time, documents and whether it is offered. A new time applies to new
/// bookings only; switching it off lists its bookings first and cancels them only on confirmation.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ServiceModel(RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text, AdminCatalogue catalogue) : AdminPageModel(db, users, messages, text)
{
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
        (GroupId, NameEl, NameEn, DurationMinutes, Active) = (s.GroupId, s.NameEl, s.NameEn, s.DurationMinutes, s.Active);
        Documents = string.Join("\n", s.Documents.Select(d => $"{d.TextEl} | {d.TextEn}"));
        return Page();
    }

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
        // Field names of the API become the form's ids; every document line error points at the one textarea.
        static string Field(string f) => f.StartsWith("documents", StringComparison.Ordinal) ? "Documents" : char.ToUpperInvariant(f[0]) + f[1..];
        var saved = IsNew
            ? Handle(await catalogue.CreateServiceAsync(Office.Id, edit, ct), Field)
            : await EditAsync(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), edit, confirm, Field, ct);
        if (saved is null)
            return NotFound();
        return saved.Value ? RedirectToPage("/Admin/Services", new { culture = Language.Query }) : Page();
    }

    async Task<bool?> EditAsync(int id, ServiceEdit edit, bool confirm, Func<string, string> field, CancellationToken ct)
    {
        var outcome = await catalogue.EditServiceAsync(Office.Id, id, edit, confirm, ct);
        return outcome.Problem?.Kind == Core.Booking.ProblemKind.NotFound ? null : Handle(outcome, field);
    }

    /// <summary>One document per line, "Greek | English"; a line without both halves is kept so validation names it.</summary>
    static List<DocumentText> ParseDocuments(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
        .Select(parts => new DocumentText(parts[0], parts.Length > 1 ? parts[1] : null))
        .ToList();
}
