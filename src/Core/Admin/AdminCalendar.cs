using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;

namespace Rantevou.Core.Admin;

/// <summary>R11: weekly working hours, special days and the booking settings of an office.</summary>
public sealed class AdminCalendar(
    RantevouDbContext db, OfficeChanges changes, LiveDay.ExpiryWake expiry, OfficeConfigCache configs, TimeProvider clock)
{
    /// <summary>The week in force on the office's today (closed weekdays left out).</summary>
    public async Task<List<AdminHours>> HoursAsync(int officeId, CancellationToken ct) =>
        Listed(OfficeCalendar.WeekOn(await TodayAsync(officeId, ct), await WeeksAsync(officeId, ct)));

    /// <summary>R11: the weeks set to begin after today (summer hours, say), each with its first date.</summary>
    public async Task<List<AdminHoursChange>> HoursChangesAsync(int officeId, CancellationToken ct)
    {
        var today = await TodayAsync(officeId, ct);
        return (await WeeksAsync(officeId, ct)).Where(h => h.ValidFrom > today).GroupBy(h => h.ValidFrom).OrderBy(g => g.Key)
            .Select(g => new AdminHoursChange(g.Key, Listed(g))).ToList();
    }

    Task<List<WorkingHours>> WeeksAsync(int officeId, CancellationToken ct) =>
        db.WorkingHours.AsNoTracking().Where(h => h.OfficeId == officeId).ToListAsync(ct);

    async Task<DateOnly> TodayAsync(int officeId, CancellationToken ct) =>
        LiveDay.OfficeDays.Today(await OfficeLoader.LoadAsync(db, officeId, ct), clock);

    static List<AdminHours> Listed(IEnumerable<WorkingHours> week) =>
        week.Where(h => h.Close > h.Open).OrderBy(h => h.Day).Select(h => new AdminHours(h.Day, AdminRules.Format(h.Open), AdminRules.Format(h.Close))).ToList();

    public async Task<List<AdminSpecialDay>> SpecialDaysAsync(int officeId, CancellationToken ct) =>
        (await db.SpecialDays.AsNoTracking().Where(s => s.OfficeId == officeId).OrderBy(s => s.Date).ToListAsync(ct))
        .Select(s => new AdminSpecialDay(s.Date, s.Closed, s.Open is { } o ? AdminRules.Format(o) : null,
            s.Close is { } c ? AdminRules.Format(c) : null, s.NameEl, s.NameEn))
        .ToList();

    /// <summary>
    /// The whole week at once, in force from <paramref name="from"/> (the office's today when null; a later date sets it
    /// ahead, beside the week in force until then). Shorter hours cancel the bookings left outside them, once confirmed.
    /// Every weekday is stored, a closed one as 00:00–00:00, so a week closed on its every day still begins on its date.
    /// </summary>
    public async Task<Outcome<ChangeResult>> SetHoursAsync(int officeId, List<HoursEdit>? week, bool confirm, CancellationToken ct,
        DateOnly? from = null)
    {
        var rules = new AdminRules();
        var today = await TodayAsync(officeId, ct);
        var validFrom = from ?? today;
        // A week cannot begin in the past: the days gone by keep the hours they had (the statistics count them).
        if (validFrom < today)
            rules.Fail("from", MessageKeys.DateInPast);
        var parsed = new List<WorkingHours>();
        foreach (var (h, i) in (week ?? []).Select((h, i) => (h, i)))
        {
            if (h is null)
            {
                rules.Fail($"hours[{i}]", MessageKeys.DayInvalid);
                continue;
            }
            if (!Enum.IsDefined(h.Day) || parsed.Any(p => p.Day == h.Day))
            {
                rules.Fail($"{h.Day}.day", MessageKeys.DayInvalid);
                continue;
            }
            if (rules.Hours($"{h.Day}.", h.Open, h.Close) is { } t)
                parsed.Add(new WorkingHours { OfficeId = officeId, ValidFrom = validFrom, Day = h.Day, Open = t.Open, Close = t.Close });
        }
        if (rules.Problem is { } invalid)
            return invalid;
        parsed.AddRange(Enum.GetValues<DayOfWeek>().Where(d => parsed.All(p => p.Day != d))
            .Select(d => new WorkingHours { OfficeId = officeId, ValidFrom = validFrom, Day = d, Open = TimeOnly.MinValue, Close = TimeOnly.MinValue }));
        return await changes.RunAsync(officeId, confirm, async c =>
        {
            await db.WorkingHours.Where(h => h.OfficeId == officeId && h.ValidFrom == validFrom).ExecuteDeleteAsync(c);
            db.WorkingHours.AddRange(parsed);
            return null;
        }, ct);
    }

    /// <summary>A week set ahead is dropped; its dates go back to the week before it, through the same check of bookings.</summary>
    public async Task<Outcome<ChangeResult>> RemoveHoursChangeAsync(int officeId, DateOnly from, bool confirm, CancellationToken ct)
    {
        if (from <= await TodayAsync(officeId, ct) || !await db.WorkingHours.AnyAsync(h => h.OfficeId == officeId && h.ValidFrom == from, ct))
            return Problem.NotFound(MessageKeys.NotFoundGeneric);
        return await changes.RunAsync(officeId, confirm, async c =>
        {
            await db.WorkingHours.Where(h => h.OfficeId == officeId && h.ValidFrom == from).ExecuteDeleteAsync(c);
            return null;
        }, ct);
    }

    /// <summary>Closes a date or gives it other hours; the bookings it leaves outside are cancelled once confirmed.</summary>
    public async Task<Outcome<ChangeResult>> SetSpecialDayAsync(int officeId, DateOnly date, SpecialDayEdit edit, bool confirm, CancellationToken ct)
    {
        var rules = new AdminRules();
        var names = rules.Names(edit.NameEl, edit.NameEn);
        var hours = edit.Closed ? null : rules.Hours("", edit.Open, edit.Close);
        // A day gone by cannot be closed or given other hours: what happened on it is history (statistics count it).
        if (date < await TodayAsync(officeId, ct))
            rules.Fail("date", MessageKeys.DateInPast);
        if (rules.Problem is { } invalid)
            return invalid;
        return await changes.RunAsync(officeId, confirm, async c =>
        {
            var day = await db.SpecialDays.FirstOrDefaultAsync(s => s.OfficeId == officeId && s.Date == date, c);
            if (day is null)
                db.SpecialDays.Add(day = new SpecialDay { OfficeId = officeId, Date = date, NameEl = "", NameEn = "" });
            day.Closed = edit.Closed;
            day.Open = hours?.Open;
            day.Close = hours?.Close;
            (day.NameEl, day.NameEn) = names;
            return null;
        }, ct);
    }

    /// <summary>Back to the weekly hours (which may be shorter than the special day's, so it goes through the same check).</summary>
    public async Task<Outcome<ChangeResult>> RemoveSpecialDayAsync(int officeId, DateOnly date, bool confirm, CancellationToken ct)
    {
        if (!await db.SpecialDays.AnyAsync(s => s.OfficeId == officeId && s.Date == date, ct))
            return Problem.NotFound(MessageKeys.NotFoundGeneric);
        return await changes.RunAsync(officeId, confirm, async c =>
        {
            await db.SpecialDays.Where(s => s.OfficeId == officeId && s.Date == date).ExecuteDeleteAsync(c);
            return null;
        }, ct);
    }

    public async Task<OfficeSettings> SettingsAsync(int officeId, CancellationToken ct)
    {
        var o = await db.Offices.AsNoTracking().FirstAsync(x => x.Id == officeId, ct);
        return new OfficeSettings(o.BookingHorizonDays, o.BookingCutoffMinutes, o.HoldMinutes, o.GraceMinutes, o.CheckInOpensMinutes,
            o.ActivePerService, o.PerDay, o.NoShowLimit, o.NoShowWindowDays, o.AgentDailyQuota,
            o.RemindersOn, AdminRules.Format(o.ReminderTime));
    }

    /// <summary>
    /// These settings judge new bookings and check-ins; bookings already made stay as they are (R11), so a shorter
    /// horizon or a longer cut-off never cancels anything. Likewise the R12 limits: a lower limit refuses the next booking
    /// over it, and leaves the bookings already made alone.
    /// </summary>
    public async Task<Outcome<OfficeSettings>> SetSettingsAsync(int officeId, OfficeSettings s, CancellationToken ct)
    {
        var rules = new AdminRules();
        rules.Range("bookingHorizonDays", s.BookingHorizonDays, 1, 365);
        rules.Range("bookingCutoffMinutes", s.BookingCutoffMinutes, 0, 7 * 24 * 60);
        rules.Range("holdMinutes", s.HoldMinutes, 5, 24 * 60);
        rules.Range("graceMinutes", s.GraceMinutes, 0, 120);
        rules.Range("checkInOpensMinutes", s.CheckInOpensMinutes, 0, 240);
        rules.Limit("activePerService", s.ActivePerService);
        rules.Limit("perDay", s.PerDay);
        rules.Range("noShowLimit", s.NoShowLimit, 0, AdminRules.MaxNoShowLimit, MessageKeys.NoShowLimitRange);
        rules.Range("noShowWindowDays", s.NoShowWindowDays, 1, AdminRules.MaxNoShowWindowDays, MessageKeys.NoShowWindowRange);
        rules.Limit("agentDailyQuota", s.AgentDailyQuota);
        var reminderTime = s.ReminderTime is null ? null : rules.Time("reminderTime", s.ReminderTime);
        if (rules.Problem is { } invalid)
            return invalid;
        await db.Offices.Where(o => o.Id == officeId).ExecuteUpdateAsync(u => u
            .SetProperty(o => o.BookingHorizonDays, s.BookingHorizonDays)
            .SetProperty(o => o.BookingCutoffMinutes, s.BookingCutoffMinutes)
            .SetProperty(o => o.HoldMinutes, s.HoldMinutes)
            .SetProperty(o => o.GraceMinutes, s.GraceMinutes)
            .SetProperty(o => o.CheckInOpensMinutes, s.CheckInOpensMinutes)
            .SetProperty(o => o.ActivePerService, s.ActivePerService)
            .SetProperty(o => o.PerDay, s.PerDay)
            .SetProperty(o => o.NoShowLimit, s.NoShowLimit)
            .SetProperty(o => o.NoShowWindowDays, s.NoShowWindowDays)
            .SetProperty(o => o.AgentDailyQuota, s.AgentDailyQuota)
            .SetProperty(o => o.RemindersOn, o => s.RemindersOn ?? o.RemindersOn)
            .SetProperty(o => o.ReminderTime, o => reminderTime ?? o.ReminderTime)
            .SetProperty(o => o.ConfigVersion, o => o.ConfigVersion + 1), ct);
        configs.Forget(officeId);
        // R5: a shorter grace brings deadlines forward; the expiry scheduler looks again.
        expiry.Any();
        return await SettingsAsync(officeId, ct);
    }
}
