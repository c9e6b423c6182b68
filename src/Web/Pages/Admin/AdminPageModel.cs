using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Rantevou.Core.Accounts;
using Rantevou.Core.Admin;
using Rantevou.Core.Audit;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Admin;

/// <summary>
/// What every admin form shares (R11): the admin's office, errors next to their fields, and the confirmation step —
/// a change that would cancel bookings is shown again with the list and a second button that posts confirm=true.
/// </summary>
public abstract class AdminPageModel(RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text) : PageModel
{
    protected RantevouDbContext Db => db;
    protected IStringLocalizer<AdminText> Text => text;
    public Office Office { get; private set; } = null!;
    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public IReadOnlyList<AffectedBooking> Affected { get; private set; } = [];

    /// <summary>Walk-in tickets still waiting that the change would close: it closes the rest of today.</summary>
    public int WalkIns { get; private set; }

    /// <summary>Bookings the change moves to another desk at the same time (R11), beside those it would cancel.</summary>
    public IReadOnlyList<AffectedBooking> Moved { get; private set; } = [];

    /// <summary>The change waits for the second button: people would be affected, or it cannot be undone.</summary>
    public bool Confirming => Affected.Count > 0 || WalkIns > 0 || Moved.Count > 0 || Question is not null;

    /// <summary>An action that cannot be undone, asked about before it is done: its heading, what it does, its button.</summary>
    public sealed record ConfirmQuestion(string Title, string Text, string Button);

    public ConfirmQuestion? Question { get; private set; }

    /// <summary>Shows <paramref name="question"/> at the top; its button posts <paramref name="form"/> again with confirm=true.</summary>
    protected void Ask(ConfirmQuestion question, string form) => (Question, ConfirmForm) = (question, form);

    /// <summary>
    /// The id of the form whose change waits: the question at the top of the page carries the button that submits it, so
    /// the answer is next to the question, not under a long form.
    /// </summary>
    public string? ConfirmForm { get; protected set; }

    public string ConfirmLabel => Question is { } q ? q.Button
        : Affected.Count > 0 ? string.Format(text["ConfirmCancel"].Value, Affected.Count)
        : WalkIns > 0 ? text["ConfirmCloseToday"].Value
        : string.Format(text["ConfirmMove"].Value, Moved.Count);
    public string? Notice { get; private set; }

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    /// <summary>
    /// What the summary at the top says before a field's error where the error alone does not say which field (a day's
    /// time among fourteen, a number among ten); beside the field its label says it already.
    /// </summary>
    protected Dictionary<string, string> SummaryLabels { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The errors as the summary at the top lists them, each linking to its field.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SummaryErrors => [.. Errors.Select(e => new KeyValuePair<string, string>(
        e.Key.Length == 0 ? "main" : e.Key, SummaryLabels.TryGetValue(e.Key, out var label) ? $"{label}: {e.Value}" : e.Value))];

    protected void Fail(string field, string key)
    {
        HttpContext.AuditReason(key);
        Errors[field] = messages[key];
        ViewData["HasErrors"] = true;
    }

    /// <summary>For the directorate's administrator (no office of their own): every office, to choose which one the pages show.</summary>
    public IReadOnlyList<(string Slug, string Name)> OfficeChoices { get; private set; } = [];

    /// <summary>
    /// The office the pages show and change: the admin's own; for the directorate's administrator the one they chose
    /// (<c>?office=</c> with its short name, remembered in a cookie for the other pages and their forms), else the first.
    /// </summary>
    protected async Task LoadOfficeAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        var id = user?.OfficeId ?? await ChosenOfficeAsync(ct);
        Office = await OfficeLoader.LoadAsync(db, id, ct);
    }

    async Task<int> ChosenOfficeAsync(CancellationToken ct)
    {
        var offices = await OfficeDirectory.AllAsync(db, ct);
        OfficeChoices = offices.Select(o => (o.Slug, o.Name(Language.Current))).ToList();
        var asked = Request.Query["office"].ToString();
        var chosen = offices.FirstOrDefault(o => o.Slug == asked) ?? offices.FirstOrDefault(o => o.Slug == Request.Cookies[OfficeCookie]) ?? offices[0];
        if (asked == chosen.Slug)
            Response.Cookies.Append(OfficeCookie, chosen.Slug,
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, Path = "/admin", IsEssential = true });
        return chosen.Id;
    }

    const string OfficeCookie = "rantevou.admin-office";

    /// <summary>True when the change was applied; otherwise the errors or the affected bookings are set for the page.</summary>
    protected bool Handle<T>(Outcome<T> outcome, Func<string, string>? field = null)
    {
        if (!outcome.Ok)
        {
            var problem = outcome.Problem;
            // The audit log names the first field's reason, or the problem's: what the admin was refused for (R12).
            HttpContext.AuditReason(problem.FieldErrors?.Values.FirstOrDefault()?.FirstOrDefault() ?? problem.MessageKey);
            if (problem.FieldErrors is { } fields)
                foreach (var (key, keys) in fields)
                    Errors.TryAdd(field?.Invoke(key) ?? key, messages[keys[0]]);
            else
                Errors.TryAdd("", problem.Args.Length == 0 ? messages[problem.MessageKey] : messages[problem.MessageKey, problem.Args]);
            ViewData["HasErrors"] = true;
            return false;
        }
        if (outcome.Value is ChangeResult { Applied: false } pending)
        {
            (Affected, WalkIns, Moved) = (pending.Affected, pending.WalkIns, pending.Moved);
            return false;
        }
        var cancelled = outcome.Value is ChangeResult done ? done.Affected.Count : 0;
        var closed = outcome.Value is ChangeResult { WalkIns: > 0 } day ? " " + string.Format(text["SavedWalkInsClosed"].Value, day.WalkIns) : "";
        var moved = outcome.Value is ChangeResult { Moved.Count: > 0 } desks ? " " + string.Format(text["SavedMoved"].Value, desks.Moved.Count) : "";
        var saved = cancelled switch
        {
            0 => text["Saved"].Value,
            1 => text["SavedCancelledOne"].Value,
            _ => string.Format(text["SavedCancelled"].Value, cancelled),
        };
        TempData["AdminNotice"] = saved + moved + closed;
        return true;
    }

    /// <summary>
    /// The form (by its id) that <see cref="Notice"/> is about, on a page of many forms: the notice is shown in that form,
    /// which the redirect's fragment scrolls to, rather than at the top the admin has scrolled away from.
    /// </summary>
    public string? NoticeFor { get; private set; }

    protected void TakeNotice() => (Notice, NoticeFor) = (TempData["AdminNotice"] as string, TempData["AdminNoticeFor"] as string);

    /// <summary>Back to this page at <paramref name="form"/>, with the notice shown there.</summary>
    protected RedirectToPageResult BackTo(string page, string form)
    {
        TempData["AdminNoticeFor"] = form;
        return RedirectToPage(page, null, new { culture = Language.Query }, form);
    }

    public DateTimeOffset Local(DateTime utc) => OfficeCalendar.ToLocal(utc, Office.TimeZone);
}
