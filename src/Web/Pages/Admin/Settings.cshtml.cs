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
/// R1, R3, R5 settings, the R12 limits and the R2 reminders of the office; they judge new bookings (and the next
/// reminders) only, so nothing needs confirming (R11).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class SettingsModel(RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text, AdminCalendar calendar) : AdminPageModel(db, users, messages, text)
{
    [BindProperty] public int BookingHorizonDays { get; set; }
    [BindProperty] public int BookingCutoffMinutes { get; set; }
    [BindProperty] public int HoldMinutes { get; set; }
    [BindProperty] public int GraceMinutes { get; set; }
    [BindProperty] public int CheckInOpensMinutes { get; set; }
    [BindProperty] public int ActivePerService { get; set; }
    [BindProperty] public int PerDay { get; set; }
    [BindProperty] public int NoShowLimit { get; set; }
    [BindProperty] public int NoShowWindowDays { get; set; }
    [BindProperty] public int AgentDailyQuota { get; set; }
    [BindProperty] public bool RemindersOn { get; set; }
    [BindProperty] public string? ReminderTime { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        TakeNotice();
        var s = await calendar.SettingsAsync(Office.Id, ct);
        (BookingHorizonDays, BookingCutoffMinutes, HoldMinutes, GraceMinutes, CheckInOpensMinutes) =
            (s.BookingHorizonDays, s.BookingCutoffMinutes, s.HoldMinutes, s.GraceMinutes, s.CheckInOpensMinutes);
        (ActivePerService, PerDay, NoShowLimit, NoShowWindowDays, AgentDailyQuota) =
            (s.ActivePerService, s.PerDay, s.NoShowLimit, s.NoShowWindowDays, s.AgentDailyQuota);
        (RemindersOn, ReminderTime) = (s.RemindersOn ?? true, s.ReminderTime);
    }

    [Audited("admin.settings.update")]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        var outcome = await calendar.SetSettingsAsync(Office.Id,
            new OfficeSettings(BookingHorizonDays, BookingCutoffMinutes, HoldMinutes, GraceMinutes, CheckInOpensMinutes,
                ActivePerService, PerDay, NoShowLimit, NoShowWindowDays, AgentDailyQuota, RemindersOn, ReminderTime), ct);
        if (Handle(outcome, f => char.ToUpperInvariant(f[0]) + f[1..]))
            return RedirectToPage("/Admin/Settings", new { culture = Language.Query });
        // The summary at the top names each error's field, whose label gives the range.
        foreach (var (field, label) in Labels)
            SummaryLabels[field] = Text[label].Value;
        return Page();
    }

    /// <summary>Each number's label on the page (it carries the allowed range), by field.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(BookingHorizonDays)] = "HorizonDays",
        [nameof(BookingCutoffMinutes)] = "CutoffMinutes",
        [nameof(HoldMinutes)] = "HoldMinutes",
        [nameof(GraceMinutes)] = "GraceMinutes",
        [nameof(CheckInOpensMinutes)] = "CheckInMinutes",
        [nameof(ActivePerService)] = "LimitActivePerService",
        [nameof(PerDay)] = "LimitPerDay",
        [nameof(NoShowLimit)] = "LimitNoShows",
        [nameof(NoShowWindowDays)] = "LimitNoShowWindow",
        [nameof(AgentDailyQuota)] = "LimitAgentDaily",
    };
}
