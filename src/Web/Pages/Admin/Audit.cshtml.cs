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

/// <summary>R12: the audit log of staff and agent actions, searched by actor, action, target, person and office-local dates.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed partial class AuditModel(RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text, AuditSearch search) : AdminPageModel(db, users, messages, text)
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Target { get; set; }
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    /// <summary>Read from the query itself: "page" is also the route value naming the Razor page, which binding would prefer.</summary>
    public string? PageNumber => Request.Query["page"].FirstOrDefault();

    public AuditPageDto? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        var outcome = await search.SearchAsync(new AuditQuery(Actor, Action, Target, From, To, PageNumber, Person), Office.TimeZone, ct);
        if (outcome.Ok)
        {
            Found = outcome.Value;
            await NameTargetsAsync(Found.Items, ct);
            return;
        }
        var problem = outcome.Problem;
        foreach (var (field, keys) in problem.FieldErrors ?? new Dictionary<string, string[]>())
            Fail(field, keys[0]);
        if (problem.FieldErrors is null)
            Fail("to", problem.MessageKey);
    }

    /// <summary>Desks and services, which entries name by their record number, by the words the pages use for them.</summary>
    Dictionary<int, string> desks = [], services = [];

    async Task NameTargetsAsync(IReadOnlyList<AuditEntryDto> items, CancellationToken ct)
    {
        var deskIds = items.Where(e => IsDesk(e.Action)).Select(e => Number(e.Target)).OfType<int>().Distinct().ToList();
        var serviceIds = items.Where(e => e.Action.StartsWith("admin.service.", StringComparison.Ordinal)).Select(e => Number(e.Target)).OfType<int>().Distinct().ToList();
        var deskNumber = Text["DeskNumber"].Value;
        if (deskIds.Count > 0)
            desks = (await Db.Desks.AsNoTracking().Where(d => deskIds.Contains(d.Id)).Select(d => new { d.Id, d.Number }).ToListAsync(ct))
                .ToDictionary(d => d.Id, d => string.Format(System.Globalization.CultureInfo.CurrentCulture, deskNumber, d.Number));
        if (serviceIds.Count > 0)
            services = (await Db.Services.AsNoTracking().Where(x => serviceIds.Contains(x.Id)).Select(x => new { x.Id, x.NameEl, x.NameEn }).ToListAsync(ct))
                .ToDictionary(x => x.Id, x => Language.Pick(x.NameEl, x.NameEn));
    }

    static bool IsDesk(string action) => action.StartsWith("desk.", StringComparison.Ordinal) || action.StartsWith("admin.desk.", StringComparison.Ordinal);

    static int? Number(string? target) => int.TryParse(target, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>
    /// A desk or service target in words ("Θυρίδα 7", the service's name), with the link that lists every entry on it:
    /// the log keeps the record number, which is not what the pages show. Null for a target shown as it is.
    /// </summary>
    public (string Text, string Link)? NamedTarget(AuditEntryDto e)
    {
        if (Number(e.Target) is not { } id)
            return null;
        var name = IsDesk(e.Action) ? desks.GetValueOrDefault(id) : e.Action.StartsWith("admin.service.", StringComparison.Ordinal) ? services.GetValueOrDefault(id) : null;
        return name is null ? null : (name, TargetLink(e.Target!));
    }

    string TargetLink(string target) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/audit",
        new Dictionary<string, string?> { ["target"] = target, ["culture"] = Language.Query }.Where(q => q.Value is not null)
            .Select(q => new KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>(q.Key, q.Value)));

    /// <summary>
    /// A refusal's reason in the admin's words: the problem's own message, with "…" for the values it named at the time
    /// (they are not kept); the code itself for one this version has no words for.
    /// </summary>
    public static string? ReasonText(string? reason) => reason is null ? null : Placeholder().Replace(Messages.Text(reason), "…");

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>The same search on another page.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["actor"] = Actor,
            ["action"] = Action,
            ["target"] = Target,
            ["person"] = Person,
            ["from"] = From,
            ["to"] = To,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["culture"] = Language.Query,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/audit",
            query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>(q.Key, q.Value)));
    }
}
