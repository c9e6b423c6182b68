using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Accounts;
using Rantevou.Core.Admin;
using Rantevou.Core.Audit;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;
using Rantevou.Web.Infrastructure;
using Rantevou.Web.Localization;

namespace Rantevou.Web.Pages.Admin;

/// <summary>
/// R11: weekly hours and special days. Shorter hours or a closed day list the bookings they leave outside and cancel
/// them only when the admin confirms.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class CalendarModel(RantevouDbContext db, UserManager<AppUser> users, IStringLocalizer<Messages> messages,
    IStringLocalizer<AdminText> text, AdminCalendar calendar, TimeProvider clock) : AdminPageModel(db, users, messages, text)
{
    /// <summary>
    /// The public holidays of the coming year, closed without being entered (a special day on one wins): listed so the
    /// administrator sees them instead of adding them again.
    /// </summary>
    public IReadOnlyList<Core.Offices.GreekHolidays.Holiday> Holidays { get; private set; } = [];

    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public Dictionary<DayOfWeek, (string? Open, string? Close)> Hours { get; private set; } = [];
    public List<AdminSpecialDay> SpecialDays { get; private set; } = [];

    [BindProperty] public string? Date { get; set; }
    [BindProperty] public bool Closed { get; set; }
    [BindProperty] public string? Open { get; set; }
    [BindProperty] public string? Close { get; set; }
    [BindProperty] public string? NameEl { get; set; }
    [BindProperty] public string? NameEn { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        await LoadAsync(ct);
        TakeNotice();
    }

    /// <summary>The first date of the week being set (empty: today), as posted.</summary>
    public string? From { get; private set; }

    /// <summary>R11: the weeks set to begin later, each removable.</summary>
    public List<AdminHoursChange> HoursChanges { get; private set; } = [];

    [Audited("admin.hours.update")]
    public async Task<IActionResult> OnPostHoursAsync(bool confirm, CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        var posted = Week.ToDictionary(d => d, d => (Open: Form($"{d}.open"), Close: Form($"{d}.close")));
        var week = posted.Where(p => p.Value.Open is not null || p.Value.Close is not null)
            .Select(p => new HoursEdit(p.Key, p.Value.Open, p.Value.Close)).ToList();
        From = Form("from");
        var from = Lang.ParseDate(From);
        if (From is not null && from is null)
            Fail("from", Core.Localization.MessageKeys.DateInvalid);
        else if (Handle(await calendar.SetHoursAsync(Office.Id, week, confirm, ct, from)))
        {
            if (from is { } day && day > Core.LiveDay.OfficeDays.Today(Office, clock))
                TempData["AdminNotice"] = $"{TempData["AdminNotice"]} {string.Format(Text["HoursSetAhead"].Value, Lang.Date(day))}";
            return Back();
        }
        NameTheDays();
        await LoadAsync(ct);
        Hours = posted.ToDictionary(p => p.Key, p => (p.Value.Open, p.Value.Close));
        ConfirmForm = "hours-form";
        return Page();
    }

    /// <summary>Fourteen time fields: the summary at the top says each error's day and which time.</summary>
    void NameTheDays()
    {
        foreach (var d in Week)
        {
            var day = System.Globalization.CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(d);
            SummaryLabels[$"{d}.open"] = string.Format(Text["HoursFieldOpen"].Value, day);
            SummaryLabels[$"{d}.close"] = string.Format(Text["HoursFieldClose"].Value, day);
        }
    }

    [Audited("admin.hours.change.remove", TargetFrom = "from")]
    public async Task<IActionResult> OnPostRemoveHoursAsync(string? from, bool confirm, CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        if (Lang.ParseDate(from) is { } day && Handle(await calendar.RemoveHoursChangeAsync(Office.Id, day, confirm, ct)))
            return Back();
        await LoadAsync(ct);
        ConfirmForm = "remove-hours-" + from;
        return Page();
    }

    [Audited("admin.special-day.set", TargetFrom = nameof(Date))]
    public async Task<IActionResult> OnPostSpecialAsync(bool confirm, CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        // A ticked box wins whatever else a form (or an older cached page with a hidden "false") posts under its name.
        Closed = Request.Form["Closed"].Contains("true");
        if (Lang.ParseDate(Date) is not { } date)
        {
            Fail(nameof(Date), Core.Localization.MessageKeys.DateInvalid);
        }
        else if (Handle(await calendar.SetSpecialDayAsync(Office.Id, date, new SpecialDayEdit(Closed, Open, Close, NameEl, NameEn), confirm, ct),
            f => char.ToUpperInvariant(f[0]) + f[1..]))
            return Back();
        await LoadAsync(ct);
        ConfirmForm = "special-form";
        return Page();
    }

    [Audited("admin.special-day.remove")]
    public async Task<IActionResult> OnPostRemoveAsync(string? date, bool confirm, CancellationToken ct)
    {
        await LoadOfficeAsync(ct);
        if (Lang.ParseDate(date) is { } day && Handle(await calendar.RemoveSpecialDayAsync(Office.Id, day, confirm, ct)))
        {
            // R11: opening the day again does not bring back the bookings its closing cancelled (each was told by mail).
            var (from, to) = OfficeCalendar.DayUtc(day, Office.TimeZone);
            var cancelled = await Db.Bookings.CountAsync(b => b.OfficeId == Office.Id && b.StartUtc >= from && b.StartUtc < to
                && Db.Outbox.Any(m => m.BookingId == b.Id && m.Kind == nameof(MailKind.CancelledByOffice)), ct);
            if (cancelled > 0)
                TempData["AdminNotice"] = $"{TempData["AdminNotice"]} {string.Format(Text["ReopenedStayCancelled"].Value, cancelled)}";
            return Back();
        }
        await LoadAsync(ct);
        ConfirmForm = "remove-" + date;
        return Page();
    }

    string? Form(string key) => Request.Form[key].FirstOrDefault() is { Length: > 0 } v ? v : null;

    IActionResult Back() => RedirectToPage("/Admin/Calendar", new { culture = Language.Query });

    async Task LoadAsync(CancellationToken ct)
    {
        var hours = await calendar.HoursAsync(Office.Id, ct);
        Hours = Week.ToDictionary(d => d, d => hours.FirstOrDefault(h => h.Day == d) is { } h ? ((string?)h.Open, (string?)h.Close) : (null, null));
        SpecialDays = await calendar.SpecialDaysAsync(Office.Id, ct);
        HoursChanges = await calendar.HoursChangesAsync(Office.Id, ct);
        var today = Core.Offices.OfficeCalendar.LocalDate(clock.GetUtcNow().UtcDateTime, Office.TimeZone);
        Holidays = [.. Core.Offices.GreekHolidays.For(today.Year).Concat(Core.Offices.GreekHolidays.For(today.Year + 1))
            .Where(h => h.Date >= today && h.Date < today.AddYears(1) && SpecialDays.All(s => s.Date != h.Date))];
    }
}
