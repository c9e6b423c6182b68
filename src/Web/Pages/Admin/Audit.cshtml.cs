using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
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
            return;
        }
        var problem = outcome.Problem;
        foreach (var (field, keys) in problem.FieldErrors ?? new Dictionary<string, string[]>())
            Fail(field, keys[0]);
        if (problem.FieldErrors is null)
            Fail("to", problem.MessageKey);
    }

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
